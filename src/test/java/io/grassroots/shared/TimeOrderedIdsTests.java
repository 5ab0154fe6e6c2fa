package io.grassroots.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New ids sort in the order a thread made them, as PostgreSQL compares uuids (byte by byte, the same order as their
 * text), so that the index entries of rows made together share leaves; they carry the time they were made; and no two
 * are the same, whichever threads made them at the same time.
 */
class TimeOrderedIdsTests {

	@Test
	void idsMadeOneAfterAnotherSortInThatOrderAndAreAllDifferent() {
		var ids = new ArrayList<String>();
		for (var i = 0; i < 10_000; i++) {
			ids.add(TimeOrderedIds.next().toString());
		}
		assertThat(ids).isSorted();
		assertThat(new HashSet<>(ids)).hasSize(ids.size());
	}

	@Test
	void anIdIsAVersion7UuidThatStartsWithTheMillisecondItWasMadeIn() {
		var before = Instant.now().toEpochMilli();
		var id = TimeOrderedIds.next();
		var after = Instant.now().toEpochMilli();
		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
	}

	@Test
	void idsMadeByManyThreadsAtOnceAreAllDifferentAndInOrderWithinEachThread() throws Exception {
		var threads = 16;
		var each = 20_000;
		var all = ConcurrentHashMap.<UUID>newKeySet();
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(threads);
		try {
			var made = new ArrayList<Future<List<UUID>>>();
			for (var t = 0; t < threads; t++) {
				made.add(pool.submit(() -> {
					start.await();
					var ids = new ArrayList<UUID>(each);
					for (var i = 0; i < each; i++) {
						ids.add(TimeOrderedIds.next());
					}
					return ids;
				}));
			}
			start.countDown();
			for (var future : made) {
				var ids = future.get(60, TimeUnit.SECONDS);
				assertThat(ids.stream().map(UUID::toString).toList()).isSorted();
				assertThat(ids).allSatisfy(id -> {
					assertThat(id.version()).isEqualTo(7);
					assertThat(id.variant()).isEqualTo(2);
				});
				all.addAll(ids);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(all).hasSize(threads * each);
	}

}
