package io.grassroots.shared;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The product's in-memory caches: Caffeine's, with their upkeep (applying reads and writes to the size and expiry
 * order, evicting) done by the thread that reads or writes, under Caffeine's own lock, instead of a task handed to
 * {@code ForkJoinPool.commonPool()} — Caffeine's default, which hands one off after nearly every write and wakes a
 * pool thread for it. A case transition writes to two caches (the remembered case, the audit chain's head): on the
 * lifecycle bench the pool's threads took 0.14–0.41 ms of the JVM's CPU per lifecycle, and a lifecycle's cache
 * traffic cost the process 258–286 µs of CPU with the hand-off against 127–141 µs without it, the calling thread
 * included (124–126 against 161–167 µs: waking the pool is dearer than the upkeep itself; bench/RESULTS.md,
 * lifecycle, lifecycle10, {@code CacheUpkeep}).
 */
public final class Caches {

	private Caches() {
	}

	/** A builder of a cache kept up by its callers' threads. */
	public static Caffeine<Object, Object> keptByCallers() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

}
