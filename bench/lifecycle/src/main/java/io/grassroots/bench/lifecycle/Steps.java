package io.grassroots.bench.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Wall time per step of a loop (report, file, dispatch …), measured by the driving thread around each step, for the
 * cost phase's breakdown of a lifecycle. Cheap enough to stay on in every phase (two {@code nanoTime} calls a step).
 */
final class Steps {

	private final Map<String, LongAdder[]> steps = new ConcurrentHashMap<>();

	private final List<String> order = new ArrayList<>();

	/** Runs {@code step} and adds its wall time under {@code name}. */
	<T> T time(String name, Step<T> step) throws Exception {
		var started = System.nanoTime();
		try {
			return step.run();
		}
		finally {
			add(name, System.nanoTime() - started);
		}
	}

	private void add(String name, long took) {
		var adders = steps.computeIfAbsent(name, k -> {
			synchronized (order) {
				order.add(k);
			}
			return new LongAdder[] { new LongAdder(), new LongAdder() };
		});
		adders[0].add(took);
		adders[1].increment();
	}

	/** Adds the wall time since {@code since} (a {@code nanoTime}) under {@code name}; answers the time now. */
	long lap(String name, long since) {
		var now = System.nanoTime();
		add(name, now - since);
		return now;
	}

	void reset() {
		steps.values().forEach(a -> {
			a[0].reset();
			a[1].reset();
		});
	}

	/** One line per step: mean wall time in milliseconds per lifecycle. */
	List<String> report(long lifecycles) {
		var lines = new ArrayList<String>();
		synchronized (order) {
			for (var name : order) {
				var a = steps.get(name);
				lines.add(String.format("%7.3f ms  %s (%d calls)", a[0].sum() / 1e6 / lifecycles, name, a[1].sum()));
			}
		}
		return lines;
	}

	interface Step<T> {

		T run() throws Exception;

	}

}
