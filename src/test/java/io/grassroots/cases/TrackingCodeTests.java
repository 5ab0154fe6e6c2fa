package io.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A tracking code: ten characters of the alphabet without look-alikes, each equally likely, from few random draws. */
class TrackingCodeTests {

	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	@Test
	void everyCharacterOfTheAlphabetIsEquallyLikely() {
		var random = new Random(31);
		var counts = new HashMap<Character, Integer>();
		for (var i = 0; i < 31_000; i++) {
			var code = CaseIntake.trackingCode(random);
			assertThat(code).hasSize(10);
			for (var c : code.toCharArray()) {
				assertThat(ALPHABET).contains(String.valueOf(c));
				counts.merge(c, 1, Integer::sum);
			}
		}
		// 310,000 characters: 10,000 each expected, a standard deviation of about 98
		assertThat(counts).hasSize(ALPHABET.length());
		assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(9_500, 10_500));
	}

	@Test
	void theBytesAboveTheLastWholeRoundOfTheAlphabetAreSkipped() {
		var draws = new int[1];
		var random = new Random() {

			@Override
			public void nextBytes(byte[] bytes) {
				for (var i = 0; i < bytes.length; i++) {
					// first draw: 248..255 twice (all of them biased); then 0, 248, 1, 249, … 7, 255 (eight kept)
					bytes[i] = (byte) (draws[0] == 0 ? 248 + i % 8 : i % 2 == 0 ? i / 2 : 248 + i / 2);
				}
				draws[0]++;
			}

		};

		var code = CaseIntake.trackingCode(random);

		assertThat(code).isEqualTo("2345678923");
		assertThat(draws[0]).isEqualTo(3);
	}

}
