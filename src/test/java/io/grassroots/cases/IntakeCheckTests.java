package io.grassroots.cases;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reporter's phone and the idempotency key are judged without regular expressions exactly as by them. */
class IntakeCheckTests {

	static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

	static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,100}");

	@Test
	void everyCharacterAndLengthIsJudgedAsByTheExpressions() {
		for (var c = 0; c <= Character.MAX_CODE_POINT; c++) {
			for (var n : new int[] { 1, 5, 20 }) {
				var text = Character.toString(c).repeat(n);
				assertThat(IntakeCheck.phone(text)).as("U+%04X × %d", c, n).isEqualTo(PHONE.matcher(text).matches());
				assertThat(IntakeCheck.key(text)).as("U+%04X × %d", c, n).isEqualTo(KEY.matcher(text).matches());
			}
		}
	}

	@Test
	void mixedTextOfEveryLengthIsJudgedAsByTheExpressions() {
		var random = new Random(20261206);
		var pieces = new String[] { "138", "0", "+86", "-", " ", "a", "~", "!", "\t", "中", "\ud83d\ude00", "\ud83d",
				"\u007f", "bench-run-17", "x".repeat(37) };
		for (var i = 0; i < 50_000; i++) {
			var text = new StringBuilder();
			for (var j = random.nextInt(9); j >= 0; j--) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			var s = text.toString();
			assertThat(IntakeCheck.phone(s)).as(s).isEqualTo(PHONE.matcher(s).matches());
			assertThat(IntakeCheck.key(s)).as(s).isEqualTo(KEY.matcher(s).matches());
		}
		assertThat(IntakeCheck.key("")).isEqualTo(KEY.matcher("").matches()).isFalse();
		assertThat(IntakeCheck.phone("")).isEqualTo(PHONE.matcher("").matches()).isFalse();
	}

}
