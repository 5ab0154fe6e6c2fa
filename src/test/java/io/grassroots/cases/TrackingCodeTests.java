package io.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import io.grassroots.shared.SecureRandoms;

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

	@Test
	void codesDrawnOnManyThreadsAtOnceAreWellFormedAndAllDifferent() throws Exception {
		var threads = 16;
		var perThread = 5_000;
		var pool = Executors.newFixedThreadPool(threads);
		try {
			var draws = new ArrayList<Callable<List<String>>>();
			for (var t = 0; t < threads; t++) {
				draws.add(() -> {
					var codes = new ArrayList<String>(perThread);
					for (var i = 0; i < perThread; i++) {
						codes.add(CaseIntake.trackingCode(SecureRandoms.current()));
					}
					return codes;
				});
			}
			var all = new HashSet<String>();
			for (var drawn : pool.invokeAll(draws)) {
				for (var code : drawn.get()) {
					assertThat(code).matches("[" + ALPHABET + "]{10}");
					all.add(code);
				}
			}
			// 80,000 codes out of 31^10 (8.2e14): a repeat has odds of about 4e-6
			assertThat(all).hasSize(threads * perThread);
		}
		finally {
			pool.shutdown();
		}
	}

}
