package io.grassroots.bench.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open loop over a bounded pool of blocking workers, for the raw baseline's fixed-rate step ({@code --fixed-raw}): a
 * JDBC connection blocks its thread, so each of the pool's connections has its own thread, where ours' step sends its
 * requests from one selector thread ({@link LoopHttp#fixedRate}). Request i is due at {@code startAt + i × interval};
 * the first free worker takes it, waits until it is due and performs it. Its latency counts from when it was due, so a
 * request that found every worker busy is charged for the wait (no coordinated omission) and counted in
 * {@link LoopHttp.Result#waitedForConnection}, as ours' step counts the requests that found no free connection.
 */
final class FixedRateWorkers {

	/** One request on a worker's own connection; whether its result is the expected one. */
	interface Call {

		boolean call(Random rnd) throws Exception;

	}

	private FixedRateWorkers() {
	}

	/**
	 * Runs {@code total} requests due at {@code startAt + i × interval} (System.nanoTime) over the given workers, one
	 * thread each, and returns when all are done; {@code baseMs}/{@code baseNs}: one instant in wall-clock and
	 * System.nanoTime, to give the answered requests wall-clock times for {@link StallProbe#report}.
	 */
	static LoopHttp.Result run(List<? extends Call> workers, List<Random> rnds, long startAt, double interval,
			long total, long baseMs, long baseNs) throws InterruptedException {
		var next = new AtomicLong();
		var waited = new AtomicLong();
		var firstErrors = new AtomicLong();
		var latencies = new ArrayList<Latencies>();
		var answered = new ArrayList<List<StallProbe.Request>>();
		var threads = new ArrayList<Thread>();
		for (var w = 0; w < workers.size(); w++) {
			var call = workers.get(w);
			var rnd = rnds.get(w);
			var own = new Latencies();
			var requests = new ArrayList<StallProbe.Request>();
			latencies.add(own);
			answered.add(requests);
			var thread = new Thread(() -> {
				long i;
				while ((i = next.getAndIncrement()) < total) {
					var due = startAt + (long) (i * interval);
					long wait;
					if (System.nanoTime() > due) {
						waited.incrementAndGet(); // every worker was busy when it came due
					}
					while ((wait = due - System.nanoTime()) > 0) {
						LockSupport.parkNanos(wait);
					}
					try {
						if (call.call(rnd)) {
							var end = System.nanoTime();
							own.add(end - due);
							requests.add(new StallProbe.Request(baseMs + (due - baseNs) / 1e6,
									baseMs + (end - baseNs) / 1e6));
						}
						else {
							own.errors++;
						}
					}
					catch (Exception e) {
						own.errors++;
						if (firstErrors.getAndIncrement() < 3) {
							System.out.println("  error: " + e);
						}
					}
				}
			}, "fixed-raw-" + w);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		for (var thread : threads) {
			thread.join();
		}
		return new LoopHttp.Result(latencies, answered.stream().flatMap(List::stream).toList(), waited.get());
	}

}
