package io.grassroots.cases;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Settings read from the database and kept in memory (the time-limit table, the categories): read again once the
 * refresh time has passed, so that a change made on another node is seen here too, and at once after
 * {@link #forget()} on the node that made it.
 */
final class Reloading<T> {

	private final long refreshNanos;

	private final Supplier<T> load;

	private volatile Loaded<T> loaded;

	Reloading(Duration refresh, Supplier<T> load) {
		this.refreshNanos = refresh.toNanos();
		this.load = load;
	}

	T get() {
		var current = loaded;
		var now = System.nanoTime();
		if (current == null || now - current.at() >= refreshNanos) {
			current = new Loaded<>(load.get(), now);
			loaded = current;
		}
		return current.value();
	}

	void forget() {
		loaded = null;
	}

	private record Loaded<T>(T value, long at) {
	}

}
