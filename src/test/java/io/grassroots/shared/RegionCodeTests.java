package io.grassroots.shared;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegionCodeTests {

	@Test
	void aSubtreeEndsAtTheNextCodeOfItsLevelCarryingOverNines() {
		assertThat(RegionCode.of("652301000000").subtreeTo()).isEqualTo("652302000000");
		assertThat(RegionCode.of("652301001000").subtreeTo()).isEqualTo("652301002000");
		assertThat(RegionCode.of("652301001001").subtreeTo()).isEqualTo("652301001002");
		assertThat(RegionCode.of("652399000000").subtreeTo()).isEqualTo("652400000000");
		assertThat(RegionCode.of("659999999000").subtreeTo()).isEqualTo("660000000000");
		assertThat(RegionCode.of("650000000000").subtreeTo()).isEqualTo("660000000000");
	}

	@Test
	void theLastSubtreeOfALevelAndTheRootEndAfterEveryCode() {
		assertThat(RegionCode.of("990000000000").subtreeTo()).isEqualTo("99" + "99999999999");
		assertThat(RegionCode.of("999999999999").subtreeTo()).isEqualTo("9999999999999");
		assertThat(RegionCode.ROOT.subtreeTo()).isEqualTo("9999999999999");
	}

	@Test
	void aSubtreeEndsWhereThePrefixPlusOneBegins() {
		var random = new SplittableRandom(22);
		for (var n = 0; n < 20_000; n++) {
			var digits = new StringBuilder();
			for (var i = 0; i < 12; i++) {
				// nines and zeros often, so that carries and every level occur
				var r = random.nextInt(10);
				digits.append(r < 3 ? '9' : r < 6 ? '0' : (char) ('0' + random.nextInt(10)));
			}
			var code = RegionCode.of(digits.toString());
			if (code.isRoot()) {
				continue;
			}
			assertThat(code.subtreeTo()).as(code.value()).isEqualTo(byArithmetic(code.prefix()));
			assertThat(code.subtreeTo().compareTo(code.value())).isPositive();
		}
	}

	/** The prefix plus one as a number, padded back to its length and to twelve digits (the rule's first form). */
	private static String byArithmetic(String prefix) {
		var next = new BigInteger(prefix).add(BigInteger.ONE).toString();
		if (next.length() > prefix.length()) {
			return prefix + "99999999999999".substring(0, 13 - prefix.length());
		}
		next = "0".repeat(prefix.length() - next.length()) + next;
		return (next + "000000000000").substring(0, 12);
	}

	@Test
	void aCodeIsTwelveAsciiDigitsAndNothingElse() {
		assertThat(RegionCode.isValid("652301001001")).isTrue();
		assertThat(RegionCode.isValid("65230100100")).isFalse();
		assertThat(RegionCode.isValid("6523010010011")).isFalse();
		assertThat(RegionCode.isValid("65230100100a")).isFalse();
		assertThat(RegionCode.isValid("65230100100１")).isFalse();
		assertThat(RegionCode.isValid("٦٥٢٣٠١٠٠١٠٠١")).isFalse();
		assertThat(RegionCode.isValid(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of("6523 1001001"));
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of(null));
	}

}
