package io.grassroots.shared;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

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

	/**
	 * The threads that reload entries {@linkplain #refreshedAhead refreshed ahead}: two at most, gone when idle. A
	 * reload is a read of the database; it must not run on the caller's thread, where Caffeine would run it inside its
	 * map of refreshes in progress (a lock other keys' refreshes may need).
	 */
	private static final ThreadPoolExecutor RELOADS = reloads();

	private Caches() {
	}

	/** A builder of a cache kept up by its callers' threads. */
	public static Caffeine<Object, Object> keptByCallers() {
		return Caffeine.newBuilder().executor(Runnable::run);
	}

	/**
	 * A cache whose entries are never older than {@code kept} (as with {@code expireAfterWrite}), and whose callers do
	 * not wait while an entry in use is loaded again: an entry read after three quarters of {@code kept} is reloaded
	 * by a background thread while every caller goes on with the old value. Only an entry not read in its last
	 * quarter, or a new or invalidated one, is loaded by its caller (the others asking for that key wait for it).
	 * Under load the request threads queued on an expired work calendar or department list while one of them read it
	 * again (bench/RESULTS.md § intake, intake10's and intake11's locks).
	 */
	public static <K, V> LoadingCache<K, V> refreshedAhead(Duration kept, long maximumSize, CacheLoader<K, V> loader) {
		return refreshedAhead(kept, Ticker.systemTicker()).maximumSize(maximumSize).build(reloadedInBackground(loader));
	}

	/**
	 * As {@link #refreshedAhead(Duration, long, CacheLoader)}, for a few keys known in advance (a {@link RefreshedSetting}
	 * has one), with the time read from {@code ticker}: no size bound, so that a read is not recorded for eviction (on 4
	 * threads ≈ 75 ns of CPU per read instead of ≈ 110, bench/RESULTS.md § lifecycle, 2026-12-06 (tidy)).
	 */
	static <K, V> LoadingCache<K, V> refreshedAheadUnbounded(Duration kept, CacheLoader<K, V> loader, Ticker ticker) {
		return refreshedAhead(kept, ticker).build(reloadedInBackground(loader));
	}

	private static Caffeine<Object, Object> refreshedAhead(Duration kept, Ticker ticker) {
		return keptByCallers().ticker(ticker).expireAfterWrite(kept).refreshAfterWrite(kept.multipliedBy(3).dividedBy(4));
	}

	private static <K, V> CacheLoader<K, V> reloadedInBackground(CacheLoader<K, V> loader) {
		return new CacheLoader<>() {

			@Override
			public V load(K key) throws Exception {
				return loader.load(key);
			}

			@Override
			public CompletableFuture<? extends V> asyncReload(K key, V oldValue, Executor executor) throws Exception {
				return CacheLoader.super.asyncReload(key, oldValue, RELOADS);
			}

		};
	}

	private static ThreadPoolExecutor reloads() {
		var threads = new CustomizableThreadFactory("cache-reload-");
		threads.setDaemon(true);
		var executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
		executor.allowCoreThreadTimeOut(true);
		return executor;
	}

}
