package io.grassroots.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The same look-ups measured in CPU time of the measuring thread (ThreadMXBean) rather than wall-clock time: on a
 * shared machine the wall clock also counts the time other processes hold the core, CPU time counts only the work.
 * Each figure is the median of several rounds.
 */
final class CpuTime {

	private CpuTime() {
	}

	/** Look-ups per second of CPU time: the median of {@code rounds} rounds of {@code count} look-ups each. */
	static double lookupsPerSecond(IntUnaryOperator lookup, int count, int rounds) {
		var threads = ManagementFactory.getThreadMXBean();
		long sink = 0;
		for (int i = 0; i < count; i++) {
			sink += lookup.applyAsInt(i);
		}
		var rates = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			var start = threads.getCurrentThreadCpuTime();
			for (int i = 0; i < count; i++) {
				sink += lookup.applyAsInt(i);
			}
			rates[r] = count / ((threads.getCurrentThreadCpuTime() - start) / 1e9);
		}
		if (sink == 42) {
			System.out.print("");
		}
		Arrays.sort(rates);
		return rates[rounds / 2];
	}

	/** Milliseconds of CPU time of one run, the median of several. */
	static double millis(Runnable work, int rounds) {
		var threads = ManagementFactory.getThreadMXBean();
		work.run();
		var times = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			var start = threads.getCurrentThreadCpuTime();
			work.run();
			times[r] = (threads.getCurrentThreadCpuTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[rounds / 2];
	}

}
