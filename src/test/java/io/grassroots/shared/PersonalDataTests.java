package io.grassroots.shared;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal data is sealed and found again by its blind index exactly as with the regular expression before. */
class PersonalDataTests {

	static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

	static final byte[] KEY = new byte[32];

	static {
		new Random(7).nextBytes(KEY);
	}

	final PersonalData personal = new PersonalData(new PersonalDataProperties(Base64.getEncoder().encodeToString(KEY)));

	@Test
	void separatorsAreRemovedAsByTheExpressionForEveryCharacter() {
		for (var c = 0; c <= Character.MAX_CODE_POINT; c++) {
			var text = "1" + Character.toString(c) + "2" + Character.toString(c);
			assertThat(PersonalData.withoutSeparators(text)).as("U+%04X", c)
				.isEqualTo(SEPARATORS.matcher(text).replaceAll(""));
		}
	}

	@Test
	void mixedTextLosesTheSameSeparatorsAsByTheExpression() {
		var random = new Random(20261206);
		var pieces = new String[] { "138", "0", "+86", "-", " ", "\t", "\n", "\r", "\f", "\u000b", "\u00a0", "\u3000",
				"a", "中", "\ud83d\ude00", "\ud83d", "--", "  " };
		for (var i = 0; i < 50_000; i++) {
			var text = new StringBuilder();
			for (var j = random.nextInt(9); j >= 0; j--) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			var s = text.toString();
			assertThat(PersonalData.withoutSeparators(s)).as(s).isEqualTo(SEPARATORS.matcher(s).replaceAll(""));
		}
	}

	@Test
	void theBlindIndexIsTheKeyedHashOfTheValueWithoutSeparatorsInCapitals() throws Exception {
		var mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
		var expected = HexFormat.of().formatHex(mac.doFinal("13812345678X".getBytes()), 0, 16);
		assertThat(personal.blindIndex("138-1234 5678x")).isEqualTo(expected);
		assertThat(personal.blindIndex("13812345678X")).isEqualTo(expected);
	}

	@Test
	void aSealedValueOpensToItselfAndEachSealingDrawsAFreshIv() {
		for (var plain : new String[] { "13812345678", "张三丰", "a", "x".repeat(500), "\ud83d\ude00 mixed 中文" }) {
			var first = personal.encrypt(plain);
			var second = personal.encrypt(plain);
			assertThat(first).startsWith("v1:").isNotEqualTo(second);
			assertThat(personal.decrypt(first)).isEqualTo(plain);
			assertThat(personal.decrypt(second)).isEqualTo(plain);
			// the IV (12 bytes), the sealed text and its 16-byte tag
			assertThat(Base64.getDecoder().decode(first.substring(3))).hasSize(12 + plain.getBytes(
					java.nio.charset.StandardCharsets.UTF_8).length + 16);
		}
		assertThat(personal.encrypt(" ")).isNull();
		assertThat(personal.encrypt(null)).isNull();
	}

}
