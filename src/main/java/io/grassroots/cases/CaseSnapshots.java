package io.grassroots.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

import io.grassroots.shared.RecentlyWritten;
import io.grassroots.shared.TransactionTasks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cases this node wrote a moment ago, as their rows were committed (decision cases-21), so that the next
 * transition of such a case needs no load: a remembered case is used only at the version the caller names (the
 * resident's rating: at the version remembered), and the transition's UPDATE checks that version
 * ({@code where id = ? and version = ?}), so it applies only to the row remembered. Every write of a case row makes a
 * new version (the intake's INSERT, {@link CaseRowUpdate}), so a row at the version remembered holds what is
 * remembered; a case changed meanwhile (on another node) is loaded and run again by {@link CaseTransitions}.
 * <p>
 * A case is remembered only once its transaction has committed (a rolled-back change is never used), only when its
 * instants are whole microseconds (what both databases store; {@link CaseTime} gives them), and it is taken out while
 * a transition works on it (the verb changes it in place), so two transitions never share one. What is remembered is
 * a copy of the case whose parts are immutable records. Bounded: the cases of the last {@link #MAXIMUM} remembers
 * (a ring in the order they were made, decision cases-43: a remembered case is used once, by the next transition,
 * right after it was written), each used only within {@link #KEPT} after it was written. The bound is small on
 * purpose (decision cases-55): a case is taken within a few remembers of its own, and every case still remembered
 * when a young collection runs is copied by it, so a bound the intake's rate fills within a young cycle lets the
 * cases die young. Each take is counted ({@code grassroots.cases.snapshots.taken}, {@code result=hit|miss}).
 * <p>
 * With the case it remembers whether the write found it without assisting departments ({@code assisted} false: it
 * never had any, {@link AssistStore#assign} sets it with the first), so that a transition on it that asks for them —
 * the report back — reads nothing. That too holds only at the version remembered: assisting departments come with a
 * dispatch, which writes a new version.
 */
@Component
class CaseSnapshots {

	/**
	 * About 2 KB each: at most ≈ 4 MB of heap. Few enough that at half the intake's peak (1,650/s) a remembered case
	 * lives ≈ 1.2 s, less than a young cycle (≈ 4 s), and dies there instead of being copied by every young pause and
	 * promoted (10,000 were ≈ 20 MB, copied by each pause); many more than the remembers between a write and the
	 * next transition of its case in the lifecycle (decision cases-55).
	 */
	static final int MAXIMUM = 2_000;

	static final Duration KEPT = Duration.ofMinutes(30);

	/** A case as committed, and whether it was known then to have no assisting departments. */
	record Remembered(Case subject, boolean unassisted) {
	}

	/** Whether the version remembered stays against another: a later version written by a quicker transaction wins. */
	private static final BiPredicate<Remembered, Remembered> LATER = (old, newer) -> old.subject().version() > newer
		.subject().version();

	/**
	 * The cases of the last {@code maximum} remembers, by id, in a ring ({@link RecentlyWritten}): each remember
	 * forgets what the remember {@code maximum} before it left, without Caffeine's per-write upkeep (its frequency
	 * sketch and eviction order; decision cases-43). The ring keeps each remember's tracking code, forgotten with the
	 * case.
	 */
	private final RecentlyWritten<CaseId, Remembered, String> byId;

	private final ConcurrentHashMap<String, CaseId> byTrackingCode = new ConcurrentHashMap<>();

	/**
	 * Takes that found the case ({@code grassroots.cases.snapshots.taken{result=hit}}) and that did not, the caller
	 * then loading it ({@code result=miss}): on the application's registry through Micrometer's global one, so that
	 * how often a bound this small still serves the next transition can be read on a running node.
	 */
	private final Counter hits = taken("hit");

	private final Counter misses = taken("miss");

	CaseSnapshots() {
		this(MAXIMUM, KEPT, System::nanoTime);
	}

	/** With another bound, another time to keep, and the time read from {@code nanos} ({@link System#nanoTime()}). */
	CaseSnapshots(int maximum, Duration kept, LongSupplier nanos) {
		this.byId = new RecentlyWritten<>(maximum, kept, LATER, (id, code) -> byTrackingCode.remove(code, id), nanos);
	}

	/** The case as committed at {@code version}, if remembered; it is forgotten (the caller changes it). */
	Remembered take(CaseId id, long version) {
		var remembered = byId.peek(id);
		if (remembered == null || remembered.subject().version() != version) {
			misses.increment();
			return null;
		}
		return counted(byId.take(id, remembered));
	}

	/** The case of a tracking code as last committed here, if remembered; it is forgotten (the caller changes it). */
	Remembered take(String trackingCode) {
		var id = byTrackingCode.get(trackingCode);
		var remembered = id == null ? null : byId.peek(id);
		return counted(remembered == null ? null : byId.take(id, remembered));
	}

	private Remembered counted(Remembered taken) {
		(taken == null ? misses : hits).increment();
		return taken;
	}

	private static Counter taken(String result) {
		return Counter.builder("grassroots.cases.snapshots.taken")
			.description("Takes of a remembered case by the next transition: found, or not (the case is loaded)")
			.tag("result", result)
			.register(Metrics.globalRegistry);
	}

	/**
	 * Remembers the case as it is now (just written) once the current transaction commits; nothing outside a
	 * transaction, and nothing whose instants the database would round. Its assisting departments are not known.
	 */
	void committed(Case written) {
		committed(written, false);
	}

	/**
	 * {@link #committed(Case)}, and whether the write found the case without assisting departments (its
	 * {@code assisted} column false).
	 */
	void committed(Case written, boolean unassisted) {
		if (!TransactionSynchronizationManager.isSynchronizationActive() || !stored(written)) {
			return;
		}
		var copy = new Remembered(copy(written), unassisted);
		TransactionTasks.afterCommit(() -> remember(copy));
	}

	/**
	 * {@link #committed(Case, boolean)} of new cases written together (an intake batch), with one task for them all
	 * (one synchronization per case of a batch was a twentieth of the intake writer's thread, bench/RESULTS.md § intake,
	 * 2026-12-06; the transaction's tasks now share one, {@link TransactionTasks}).
	 */
	void committedAll(List<Case> written, boolean unassisted) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		var copies = new ArrayList<Remembered>(written.size());
		for (var c : written) {
			if (stored(c)) {
				copies.add(new Remembered(copy(c), unassisted));
			}
		}
		if (copies.isEmpty()) {
			return;
		}
		TransactionTasks.afterCommit(() -> copies.forEach(this::remember));
	}

	/**
	 * Remembers a committed case by id and tracking code. Under one lock, as the ring adds and removes its keys
	 * (decision cases-54): the ring forgets a tracking code only from within a remember, so the tracking codes' map too
	 * gains and loses keys on one thread at a time, and its size counter is never contended.
	 */
	void remember(Remembered r) {
		var c = r.subject();
		var id = c.id();
		var code = c.origin().trackingCode();
		synchronized (byTrackingCode) {
			byId.put(id, r, code);
			if (code != null && !id.equals(byTrackingCode.get(code))) {
				byTrackingCode.put(code, id);
			}
		}
	}

	/** How many cases are remembered. */
	int size() {
		return byId.size();
	}

	/** How many tracking codes are remembered. */
	int trackingCodes() {
		return byTrackingCode.size();
	}

	/** A case of the same values: its parts are records, so only the case itself is new. */
	static Case copy(Case c) {
		return new Case(c.id(), c.origin(), c.status(), c.tier(), c.matter(), c.place(), c.leadDepartment(),
				c.mergedInto(), c.clock(), c.pendingExtension(), c.tally(), c.milestones(), c.outcome(), c.version());
	}

	/** Whether every instant of the case is what the database stores for it (whole microseconds). */
	static boolean stored(Case c) {
		var clock = c.clock();
		var m = c.milestones();
		return (clock == null || micros(clock.stepStartedAt()) && micros(clock.warnAt()) && micros(clock.dueAt())
				&& micros(clock.parkedAt()))
				&& micros(m.reportedAt()) && micros(m.filedAt()) && micros(m.dispatchedAt()) && micros(m.claimedAt())
				&& micros(m.reportedBackAt()) && micros(m.closedAt()) && micros(m.evaluatedAt());
	}

	private static boolean micros(Instant at) {
		return at == null || at.getNano() % 1_000 == 0;
	}

}
