package io.grassroots.audit;

import java.time.Duration;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import io.grassroots.shared.Caches;
import io.grassroots.shared.TransactionTasks;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The last committed entry (sequence and hash) of recently written streams, so that appending to a stream written a
 * moment ago (the next step of a case) needs no read. A head is remembered only once its transaction has committed,
 * so a rolled-back append is never chained onto. A head that is behind (another node appended meanwhile) is caught
 * by the unique (stream, seq) key: the append then reads the real head and chains onto that.
 */
final class ChainHeads {

	private final Cache<String, Head> heads = Caches.keptByCallers()
		.maximumSize(50_000)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	/** The head of a stream, if one is remembered. */
	Head of(String stream) {
		return heads.getIfPresent(stream);
	}

	/** Remembers a new head when the current transaction commits (at once outside one). */
	void committed(String stream, int seq, String hash) {
		var head = new Head(seq, hash);
		TransactionTasks.afterCommit(() -> put(stream, head));
	}

	/** Remembers the new heads of several streams when the current transaction commits (at once outside one). */
	void committed(Map<String, Head> written) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			written.forEach(this::put);
			return;
		}
		var copy = Map.copyOf(written);
		TransactionTasks.afterCommit(() -> copy.forEach(this::put));
	}

	/** Forgets every head (after the history was changed outside the application, e.g. restored). */
	void clear() {
		heads.invalidateAll();
	}

	private void put(String stream, Head head) {
		heads.asMap().merge(stream, head, (old, newer) -> old.seq() >= newer.seq() ? old : newer);
	}

	record Head(int seq, String hash) {
	}

}
