package io.grassroots.audit;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

import io.grassroots.shared.RecentlyWritten;
import io.grassroots.shared.TransactionTasks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The last committed entry (sequence and hash) of recently written streams, so that appending to a stream written a
 * moment ago (the next step of a case) needs no read. A head is remembered only once its transaction has committed,
 * so a rolled-back append is never chained onto. A head that is behind (another node appended meanwhile) is caught
 * by the unique (stream, seq) key: the append then reads the real head and chains onto that.
 * <p>
 * Bounded: the heads of the last {@link #MAXIMUM} remembers (a ring in the order they were made, as the remembered
 * cases, decision cases-43: a head is read by the stream's next append, right after it was written; Caffeine's upkeep
 * ran on every transition, and its admission policy dropped heads just written, each a read of the head), each used
 * only within {@link #KEPT} after it was written. Small on purpose, as the remembered cases' (decision cases-55): a
 * stream's next append comes within a few remembers, and a head still remembered at a young collection is copied by
 * it. Each read is counted ({@code grassroots.audit.heads.read}, {@code result=hit|miss}).
 */
final class ChainHeads {

	/**
	 * About 300 bytes each (the stream's key, the head and its hash, the map's entry): at most ≈ 0.6 MB. As the
	 * remembered cases' bound, few enough to die in a young cycle at half the intake's peak (50,000 lived 30–40 s there
	 * and were copied twice and promoted), many more than the appends between a stream's two (decision cases-55).
	 */
	static final int MAXIMUM = 2_000;

	static final Duration KEPT = Duration.ofMinutes(30);

	/** Whether the head remembered stays against another: a quicker transaction's later append remembered first wins. */
	private static final BiPredicate<Head, Head> LATER = (old, newer) -> old.seq() >= newer.seq();

	private final RecentlyWritten<String, Head, Void> heads;

	/**
	 * Appends that found the stream's head remembered ({@code grassroots.audit.heads.read{result=hit}}) and that did
	 * not, the append then reading it ({@code result=miss}); on Micrometer's global registry (the application's).
	 */
	private final Counter hits = read("hit");

	private final Counter misses = read("miss");

	ChainHeads() {
		this(MAXIMUM, KEPT, System::nanoTime);
	}

	/** With another bound, another time to keep, and the time read from {@code nanos} ({@link System#nanoTime()}). */
	ChainHeads(int maximum, Duration kept, LongSupplier nanos) {
		this.heads = new RecentlyWritten<>(maximum, kept, LATER, null, nanos);
	}

	/** The head of a stream, if one is remembered. */
	Head of(String stream) {
		var head = heads.get(stream);
		(head == null ? misses : hits).increment();
		return head;
	}

	private static Counter read(String result) {
		return Counter.builder("grassroots.audit.heads.read")
			.description("Appends that found the stream's head remembered, or not (the head is read)")
			.tag("result", result)
			.register(Metrics.globalRegistry);
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
		heads.clear();
	}

	private void put(String stream, Head head) {
		heads.put(stream, head);
	}

	/** How many streams' heads are remembered. */
	int size() {
		return heads.size();
	}

	record Head(int seq, String hash) {
	}

}
