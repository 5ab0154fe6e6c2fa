package io.grassroots.bench.http;

import java.util.Arrays;

/** Latencies of one worker (nanoseconds), merged after a measurement; percentiles by sorting. */
final class Latencies {

	private long[] values = new long[4096];

	private int size;

	long errors;

	void add(long nanos) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = nanos;
	}

	int count() {
		return size;
	}

	static long[] sorted(Iterable<Latencies> all) {
		var n = 0;
		for (var l : all) {
			n += l.size;
		}
		var merged = new long[n];
		var at = 0;
		for (var l : all) {
			System.arraycopy(l.values, 0, merged, at, l.size);
			at += l.size;
		}
		Arrays.sort(merged);
		return merged;
	}

	/** The p-th percentile in milliseconds (nearest rank). */
	static double percentileMs(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		var rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
	}

}
