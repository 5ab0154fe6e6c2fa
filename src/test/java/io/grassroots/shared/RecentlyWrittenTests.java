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
			Math::max, (key, note) -> forgotten.add(key + ":" + note), nanos::get);

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
	void underConcurrentPutsAndTakesEveryKeyHoldsItsLatestValueAndTheBoundHolds() throws Exception {
		var bound = 1_000;
		var notes = new ConcurrentHashMap<Integer, Integer>();
		var shared = new RecentlyWritten<Integer, Integer, Integer>(bound, Duration.ofMinutes(30), Math::max,
				(key, note) -> notes.merge(key, 1, Integer::sum), System::nanoTime);
		var threads = 4;
		var keysPerThread = 2_000;
		var barrier = new CyclicBarrier(threads);
		var taken = new AtomicInteger();
		var workers = new ArrayList<Thread>();
		for (var t = 0; t < threads; t++) {
			var first = 7 + t * keysPerThread;
			workers.add(started(() -> {
				try {
					barrier.await();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				for (var k = first; k < first + keysPerThread; k++) {
					for (var v = 1; v <= 5; v++) {
						var held = shared.peek(k);
						if (held != null && shared.take(k, held) != null) {
							taken.incrementAndGet();
						}
						shared.put(k, v, k);
						shared.put(k % 7, v * k); // keys every thread writes
					}
				}
			}));
		}
		for (var w : workers) {
			w.join();
		}

		assertThat(shared.size()).isLessThanOrEqualTo(bound);
		assertThat(taken.get()).isEqualTo(threads * keysPerThread * 4); // each value but the last taken by the next
		for (var k = 7; k < 7 + threads * keysPerThread; k++) {
			var value = shared.get(k);
			assertThat(value == null || value == 5).as("key %d", k).isTrue();
			// a key's note is handed on once, when the key is no longer held
			assertThat(notes.get(k)).as("key %d", k).isEqualTo(value == null ? 1 : null);
		}
		for (var k = 0; k < 7; k++) {
			var value = shared.get(k);
			assertThat(value == null || value >= 5 * k).as("key %d", k).isTrue();
		}
	}

	private static Thread started(Runnable work) {
		var thread = new Thread(work);
		thread.start();
		return thread;
	}

}
