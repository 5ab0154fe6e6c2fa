package io.grassroots.shared;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The turns of an upkeep bench ({@code audit.HeadUpkeep}, {@code cases.SnapshotUpkeep}): two sides, "before" and
 * "ring", in turns B R R B … in one JVM; in each turn every thread drives the same number of lifecycles on the
 * turn's side, started together. Per turn it prints the process's CPU, the driving threads' CPU and their allocation
 * per lifecycle (exact on a busy machine) and how many of the lifecycles' look-ups found nothing.
 */
public final class UpkeepTurns {

	private UpkeepTurns() {
	}

	/** One lifecycle's traffic on a side; answers how many of its look-ups found nothing. */
	@FunctionalInterface
	public interface Lifecycle<S> {

		int drive(S side, int i);

	}

	/**
	 * Runs {@code rounds} pairs of turns of {@code lifecycles} lifecycles per thread on {@code threads} threads;
	 * {@code lookUps} is what a lifecycle looks up ("head reads", "takes") and how many times, for the printed line.
	 */
	public static <S> void run(int threads, int rounds, int lifecycles, S before, S ring, String lookUps,
			int lookUpsPerLifecycle, Lifecycle<S> lifecycle) throws InterruptedException {
		var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		var order = new ArrayList<S>();
		for (var round = 0; round < rounds; round++) {
			order.add(round % 2 == 0 ? before : ring);
			order.add(round % 2 == 0 ? ring : before);
		}
		var turn = 0;
		for (var side : order) {
			turn++;
			var driving = new AtomicLong();
			var allocated = new AtomicLong();
			var missed = new AtomicLong();
			var done = new CountDownLatch(threads);
			var start = new CountDownLatch(1);
			for (var t = 0; t < threads; t++) {
				var thread = new Thread(() -> {
					var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
					try {
						start.await();
					}
					catch (InterruptedException e) {
						throw new IllegalStateException(e);
					}
					var cpu = bean.getCurrentThreadCpuTime();
					var bytes = bean.getCurrentThreadAllocatedBytes();
					for (var i = 0; i < lifecycles; i++) {
						missed.addAndGet(lifecycle.drive(side, i));
					}
					driving.addAndGet(bean.getCurrentThreadCpuTime() - cpu);
					allocated.addAndGet(bean.getCurrentThreadAllocatedBytes() - bytes);
					done.countDown();
				}, "driving-" + t);
				thread.start();
			}
			var cpu = process.getProcessCpuTime();
			start.countDown();
			done.await();
			cpu = process.getProcessCpuTime() - cpu;
			double n = (double) lifecycles * threads;
			System.out.printf("turn %2d %-8s: process %.1f µs, driving threads %.1f µs, allocated %,.0f bytes per lifecycle"
					+ " (%d threads; %s missed %d of %d)%n", turn, side == ring ? "ring" : "caffeine", cpu / 1e3 / n,
					driving.get() / 1e3 / n, allocated.get() / n, threads, lookUps, missed.get(),
					(long) n * lookUpsPerLifecycle);
		}
	}

}
