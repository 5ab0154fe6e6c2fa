package io.grassroots.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What was written a moment ago: the values of the last puts, each used within the time kept, a later value never
 * replaced by an earlier one, each value taken once, and the notes of keys no longer held handed on.
 */
class RecentlyWrittenTests {

	private final AtomicLong nanos = new AtomicLong();

	private final List<String> forgotten = new ArrayList<>();

	private final RecentlyWritten<String, Integer, String> recent = new RecentlyWritten<>(3, Duration.ofMinutes(30),
			(held, newer) -> held > newer, (key, note) -> forgotten.add(key + ":" + note), nanos::get);

	@Test
	void onlyTheValuesOfTheLastPutsAreKept() {
		recent.put("a", 1);
		recent.put("b", 1);
		recent.put("c", 1);
		recent.put("d", 1);

		assertThat(recent.size()).isEqualTo(3);
		assertThat(recent.get("a")).isNull();
		assertThat(recent.get("b")).isEqualTo(1);
		assertThat(recent.get("d")).isEqualTo(1);
	}

	@Test
	void thePutsThatFillTheRingForgetNothingAndHandOnNoNote() {
		recent.put("a", 1, "note of a");
		recent.take("a", recent.peek("a"));
		recent.put("b", 1, "note of b");
		recent.put("c", 1, "note of c");

		assertThat(recent.size()).isEqualTo(2);
		assertThat(recent.get("b")).isEqualTo(1);
		assertThat(recent.get("c")).isEqualTo(1);
		assertThat(forgotten).isEmpty();
	}

	@Test
	void aKeyPutAgainIsNotForgottenWhenItsEarlierPutLeavesTheRing() {
		recent.put("a", 1, "first");
		recent.put("a", 2, "second");
		recent.put("b", 1);
		recent.put("c", 1); // the slot of a's first put is taken now

		assertThat(recent.get("a")).isEqualTo(2);
		assertThat(forgotten).isEmpty();
		recent.put("d", 1); // and now the slot of its second

		assertThat(recent.get("a")).isNull();
		assertThat(forgotten).containsExactly("a:second");
	}

	@Test
	void aKeyReadStaysAndIsForgottenInTheOrderOfItsPut() {
		recent.put("a", 1);
		recent.put("b", 1);
		recent.put("c", 1);
		for (var i = 0; i < 10; i++) {
			assertThat(recent.get("a")).isEqualTo(1);
		}
		recent.put("d", 1);

		assertThat(recent.get("a")).isNull();
		assertThat(recent.get("b")).isEqualTo(1);
	}

	@Test
	void aValueIsNotUsedOnceTheTimeKeptHasPassedSinceItWasPut() {
		recent.put("a", 1);
		nanos.addAndGet(Duration.ofMinutes(30).toNanos() - 1);
		assertThat(recent.get("a")).isEqualTo(1);
		recent.put("b", 1);
		nanos.incrementAndGet();

		assertThat(recent.get("a")).isNull();
		assertThat(recent.take("a", recent.peek("a"))).isNull();
		assertThat(recent.get("b")).isEqualTo(1);
	}

	@Test
	void aLaterValuePutFirstIsNotReplacedByAnEarlierOne() {
		recent.put("a", 5);
		recent.put("a", 4);

		assertThat(recent.get("a")).isEqualTo(5);
	}

	@Test
	void aValueIsTakenOnceAndItsNoteHandedOnWhenItsPutLeavesTheRing() {
		recent.put("a", 1, "note");
		var value = recent.peek("a");

		assertThat(recent.take("a", value)).isEqualTo(1);
		assertThat(recent.take("a", value)).isNull();
		assertThat(recent.get("a")).isNull();
		assertThat(forgotten).isEmpty();
		recent.put("b", 1);
		recent.put("c", 1);
		recent.put("d", 1);

		assertThat(forgotten).containsExactly("a:note");
	}

	@Test
	void aPutAfterATakeIsHeldEvenIfTheValueTakenWouldHaveStayed() {
		recent.put("a", 5);
		recent.take("a", recent.peek("a"));
		recent.put("a", 4);

		assertThat(recent.get("a")).isEqualTo(4);
		assertThat(recent.take("a", recent.peek("a"))).isEqualTo(4);
	}

	@Test
	void aTakenValueIsNotCountedAmongTheKeysHeldNorReadAgain() {
		recent.put("a", 1);
		recent.put("b", 1);
		var value = recent.peek("a");
		recent.take("a", value);

		assertThat(recent.size()).isEqualTo(1);
		assertThat(recent.peek("a")).isNull();
		assertThat(recent.get("a")).isNull();
		assertThat(recent.take("a", null)).isNull();
	}

	@Test
	void aValueReplacedMeanwhileIsNotTaken() {
		recent.put("a", 1000);
		var seen = recent.peek("a");
		recent.put("a", 2000);

		assertThat(recent.take("a", seen)).isNull();
		assertThat(recent.get("a")).isEqualTo(2000);
	}

	@Test
	void clearingForgetsEveryValueAndLaterPutsAreKeptAsBefore() {
		recent.put("a", 1, "note");
		recent.put("b", 1);
		recent.clear();

		assertThat(recent.size()).isZero();
		assertThat(recent.get("a")).isNull();
		recent.put("a", 2);
		recent.put("c", 1);
		recent.put("d", 1); // a's first slot leaves: a is held by a later put

		assertThat(recent.get("a")).isEqualTo(2);
		assertThat(forgotten).isEmpty();
	}

	@Test
	void underConcurrentPutsAndTakesEachValueIsTakenOnceAndEveryKeyHoldsItsLatestValue() throws Exception {
		var run = new ConcurrentRun(100_000); // more than every put: nothing leaves the ring

		assertThat(run.taken.get()).isEqualTo(ConcurrentRun.THREADS * ConcurrentRun.KEYS * 4); // all but the last
		for (var k = 7; k < 7 + ConcurrentRun.THREADS * ConcurrentRun.KEYS; k++) {
			assertThat(run.recent.get(k)).as("key %d", k).isEqualTo(5);
		}
		var last = 7 + ConcurrentRun.THREADS * ConcurrentRun.KEYS - 1;
		for (var j = 0; j < 7; j++) {
			var largest = last - Math.floorMod(last - j, 7);
			assertThat(run.recent.get(j)).as("key %d", j).isEqualTo(5 * largest); // the largest value put wins
		}
		assertThat(run.notes).isEmpty();
	}

	@Test
	void underConcurrentPutsAndTakesTheBoundHoldsAndTheNoteOfEveryKeyGoneIsHandedOn() throws Exception {
		var run = new ConcurrentRun(1_000);

		assertThat(run.recent.size()).isLessThanOrEqualTo(1_000);
		for (var k = 7; k < 7 + ConcurrentRun.THREADS * ConcurrentRun.KEYS; k++) {
			var value = run.recent.get(k);
			assertThat(value == null || value == 5).as("key %d", k).isTrue();
			if (value == null) { // a key forgotten and put again is handed on at each time it goes
				assertThat(run.notes.get(k)).as("key %d", k).isPositive();
			}
		}
	}

	/**
	 * Four threads, each putting five values of its own keys (the notes the keys), taking each value before putting the
	 * next, and putting values of seven keys every thread writes.
	 */
	private static final class ConcurrentRun {

		static final int THREADS = 4;

		static final int KEYS = 2_000;

		final ConcurrentHashMap<Integer, Integer> notes = new ConcurrentHashMap<>();

		final RecentlyWritten<Integer, Integer, Integer> recent;

		final AtomicInteger taken = new AtomicInteger();

		ConcurrentRun(int bound) throws Exception {
			recent = new RecentlyWritten<>(bound, Duration.ofMinutes(30), (held, newer) -> held > newer,
					(key, note) -> notes.merge(key, 1, Integer::sum), System::nanoTime);
			var barrier = new CyclicBarrier(THREADS);
			var workers = new ArrayList<Thread>();
			for (var t = 0; t < THREADS; t++) {
				var first = 7 + t * KEYS;
				workers.add(started(() -> {
					try {
						barrier.await();
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
					for (var k = first; k < first + KEYS; k++) {
						for (var v = 1; v <= 5; v++) {
							var held = recent.peek(k);
							if (held != null && recent.take(k, held) != null) {
								taken.incrementAndGet();
							}
							recent.put(k, v, k);
							recent.put(k % 7, v * k); // keys every thread writes
						}
					}
				}));
			}
			for (var w : workers) {
				w.join();
			}
		}

	}

	private static Thread started(Runnable work) {
		var thread = new Thread(work);
		thread.start();
		return thread;
	}

}
