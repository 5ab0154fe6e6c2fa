package io.grassroots.shared;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The product's in-memory caches: Caffeine's, with their upkeep (applying the writes to the size and expiry order,
 * evicting) done by the thread that reads or writes, under Caffeine's own lock, instead of a task handed to
 * {@code ForkJoinPool.commonPool()}. Caffeine hands off one such task after nearly every write, and a case transition
 * writes to several caches (the remembered case, the audit chain's head): on the lifecycle bench that woke a
 * common-pool thread a dozen times per lifecycle, 0.2–0.4 ms of the JVM's CPU per lifecycle beside the driving
 * thread's 2–3 ms, more than the upkeep itself costs where it is done (bench/RESULTS.md, lifecycle, lifecycle10).
 */
public final class Caches {

	private Caches() {
	}

	/** A builder of a cache kept up by its callers' threads. */
	public static Caffeine<Object, Object> keptByCallers() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

}
