package io.grassroots.bench.city;

import java.util.Arrays;

/** Percentiles of a set of timings in nanoseconds, printed in milliseconds. */
record Stats(double p50, double p95, double p99, double max, int n) {

	static Stats of(long[] nanos) {
		var sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Stats(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1] / 1e6,
				sorted.length);
	}

	private static double at(long[] sorted, double q) {
		var i = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

	@Override
	public String toString() {
		return String.format("p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f ms (n=%d)", p50, p95, p99, max, n);
	}

}
