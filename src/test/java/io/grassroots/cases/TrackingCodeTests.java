package io.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import io.grassroots.shared.SecureRandoms;

import org.junit.jupiter.api.Test;

/**
 * A tracking code: fourteen characters of the alphabet without look-alikes — the minute it was made, then nine drawn
 * at random, each equally likely, from few random draws — so that codes sort in the order they were made (decision
 * 0022).
 */
class TrackingCodeTests {

	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final Instant NOW = Instant.parse("2026-12-06T06:30:00Z");

	@Test
	void everyCharacterOfTheAlphabetIsEquallyLikelyAfterTheMinute() {
		var random = new Random(31);
		var counts = new HashMap<Character, Integer>();
		for (var i = 0; i < 31_000; i++) {
			var code = CaseIntake.trackingCode(NOW, random);
			assertThat(code).hasSize(14);
			for (var c : code.substring(5).toCharArray()) {
				assertThat(ALPHABET).contains(String.valueOf(c));
				counts.merge(c, 1, Integer::sum);
			}
		}
		// 279,000 characters: 9,000 each expected, a standard deviation of about 93
		assertThat(counts).hasSize(ALPHABET.length());
		assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(8_500, 9_500));
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

		var code = CaseIntake.trackingCode(CaseIntake.CODE_EPOCH, random);

		// the epoch's minute is 0, "22222" (then 0, 1, 2 … 7, then the next draw's 0: "234567892")
		assertThat(code).isEqualTo("22222" + "234567892");
		assertThat(draws[0]).isEqualTo(3);
	}

	@Test
	void theFirstFiveCharactersCountTheMinutesSinceTheEpochInBase31() {
		var random = new Random(7);
		var epoch = CaseIntake.CODE_EPOCH;

		assertThat(CaseIntake.trackingCode(epoch.plusSeconds(59), random)).startsWith("22222");
		assertThat(CaseIntake.trackingCode(epoch.plusSeconds(60), random)).startsWith("22223");
		assertThat(CaseIntake.trackingCode(epoch.plus(Duration.ofMinutes(31)), random)).startsWith("22232");
		// 2026-12-06T06:30Z is minute 488,550 = 16·31³ + 12·31² + 11·31 + 21: "2" "J" "E" "D" "Q"
		assertThat(CaseIntake.trackingCode(NOW, random)).startsWith("2JEDQ");
		// 31^5 minutes (≈ 54 years) later the count starts again
		assertThat(CaseIntake.trackingCode(epoch.plus(Duration.ofMinutes(28_629_151)), random)).startsWith("22222");
	}

	@Test
	void codesMadeInLaterMinutesSortAfterEarlierOnes() {
		var random = new Random(11);
		var codes = new ArrayList<String>();
		for (var minute = 0; minute < 2_000; minute++) {
			// every 17th minute of three years, a code made in its last second
			codes.add(CaseIntake.trackingCode(NOW.plus(Duration.ofMinutes(minute * 17L * 47)).plusSeconds(59), random));
		}

		assertThat(new TreeSet<>(codes)).containsExactlyElementsOf(codes);
	}

	@Test
	void codesDrawnOnManyThreadsAtOnceAreWellFormedAndAllDifferent() throws Exception {
		var threads = 16;
		var perThread = 1_000;
		var pool = Executors.newFixedThreadPool(threads);
		try {
			var draws = new ArrayList<Callable<List<String>>>();
			for (var t = 0; t < threads; t++) {
				draws.add(() -> {
					var codes = new ArrayList<String>(perThread);
					for (var i = 0; i < perThread; i++) {
						codes.add(CaseIntake.trackingCode(NOW, SecureRandoms.current()));
					}
					return codes;
				});
			}
			var all = new HashSet<String>();
			for (var drawn : pool.invokeAll(draws)) {
				for (var code : drawn.get()) {
					assertThat(code).matches("2JEDQ[" + ALPHABET + "]{9}");
					all.add(code);
				}
			}
			// 16,000 codes in one minute out of 31^9 (2.6e13): a repeat has odds of about 5e-6
			assertThat(all).hasSize(threads * perThread);
		}
		finally {
			pool.shutdown();
		}
	}

}
