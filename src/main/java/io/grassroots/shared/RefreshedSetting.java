package io.grassroots.shared;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A setting read from the database and kept in memory (the time-limit table, the categories), read on the request
 * path: a {@linkplain Caches#refreshedAhead cache refreshed ahead} of one entry. While the value is in use it is read
 * again by a background thread after three quarters of {@code kept} and the callers go on with the one they have; it
 * is never older than {@code kept}, so a change made on another node is seen here within that time, and at once after
 * {@link #forget()} on the node that made it. Only the first read, a read after {@link #forget()} or after a whole
 * {@code kept} unread, loads it on the caller's thread, and then one caller loads it while the others wait for that
 * one load.
 */
public final class RefreshedSetting<T> {

	private static final Boolean THE_VALUE = Boolean.TRUE;

	private final LoadingCache<Boolean, T> cache;

	public RefreshedSetting(Duration kept, Supplier<T> load) {
		this(kept, load, Ticker.systemTicker());
	}

	RefreshedSetting(Duration kept, Supplier<T> load, Ticker ticker) {
		this.cache = Caches.refreshedAheadUnbounded(kept, key -> load.get(), ticker);
	}

	/** The value in memory, loaded first if there is none. */
	public T get() {
		return cache.get(THE_VALUE);
	}

	/**
	 * Drops the value after a change on this node: the next {@link #get()} loads it again (inside the caller's
	 * transaction, if it has one, and so sees the change). Within a transaction it is dropped again when the
	 * transaction ends, so that neither a value read by another thread before the commit nor one read inside a
	 * transaction that rolls back is kept.
	 */
	public void forget() {
		cache.invalidate(THE_VALUE);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					cache.invalidate(THE_VALUE);
				}

			});
		}
	}

}
