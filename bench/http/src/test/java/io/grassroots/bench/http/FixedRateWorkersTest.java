package io.grassroots.bench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class FixedRateWorkersTest {

	private static final long MS = 1_000_000L;

	private static List<Random> randoms(int n) {
		var rnds = new ArrayList<Random>();
		for (var i = 0; i < n; i++) {
			rnds.add(new Random(i));
		}
		return rnds;
	}

	private static FixedRateWorkers.Call sleeping(long ms) {
		return rnd -> {
			Thread.sleep(ms);
			return true;
		};
	}

	@Test
	void aRequestThatFindsEveryWorkerBusyIsChargedFromWhenItWasDue() throws Exception {
		// one worker, a request due every 10 ms, each taking 50 ms: request i starts only after the i before it
		// finished, at least 50 × i ms after the start, so its latency from due is at least 50 + 40 × i ms
		var base = System.nanoTime();
		var result = FixedRateWorkers.run(List.of(sleeping(50)), randoms(1), base + 10 * MS, 10 * MS, 5,
				System.currentTimeMillis(), base);

		var latencies = Latencies.sorted(result.latencies());
		assertEquals(5, latencies.length);
		for (var i = 0; i < 5; i++) {
			assertTrue(latencies[i] >= (50 + 40L * i) * MS, "request " + i + ": " + latencies[i] + " ns");
		}
		assertEquals(4, result.waitedForConnection());
	}

	@Test
	void noRequestGoesOutBeforeItIsDueAndEachIsDueAtItsOwnSlot() throws Exception {
		var started = Collections.synchronizedList(new ArrayList<Long>());
		FixedRateWorkers.Call call = rnd -> {
			started.add(System.nanoTime());
			return true;
		};
		var baseNs = System.nanoTime();
		var baseMs = System.currentTimeMillis();
		var startAt = baseNs + 20 * MS;
		var result = FixedRateWorkers.run(List.of(call, call, call, call), randoms(4), startAt, 5 * MS, 20, baseMs,
				baseNs);

		var sortedStarts = started.stream().sorted().toList();
		assertEquals(20, sortedStarts.size());
		for (var i = 0; i < 20; i++) {
			assertTrue(sortedStarts.get(i) >= startAt + i * 5 * MS, "start " + i);
		}
		var dues = result.answered().stream().mapToDouble(StallProbe.Request::dueMs).sorted().toArray();
		assertEquals(20, dues.length);
		for (var i = 0; i < 20; i++) {
			assertEquals(baseMs + 20 + 5.0 * i, dues[i], 1e-6);
		}
		for (var r : result.answered()) {
			assertTrue(r.latencyMs() >= 0, "answered before it was due: " + r);
		}
	}

	@Test
	void failedRequestsCountAsErrorsAndNotAsLatenciesOrAnsweredRequests() throws Exception {
		var calls = new AtomicInteger();
		FixedRateWorkers.Call call = rnd -> {
			var k = calls.getAndIncrement();
			if (k % 3 == 1) {
				throw new java.sql.SQLException("refused");
			}
			return k % 3 == 0;
		};
		var base = System.nanoTime();
		var result = FixedRateWorkers.run(List.of(call), randoms(1), base, 1 * MS, 9, System.currentTimeMillis(), base);

		assertEquals(3, Latencies.sorted(result.latencies()).length);
		assertEquals(6, result.latencies().get(0).errors);
		assertEquals(3, result.answered().size());
	}

}
