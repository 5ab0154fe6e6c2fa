package io.grassroots.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.grassroots.identity.Actor;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.PendingWrites;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline every transition runs through, in one transaction: load the case with its assisting departments (one
 * statement), check the version the actor saw
 * (first: an actor whose view is stale gets a conflict even when the change took the case out of their hands), check
 * access, apply the verb, save the row (the version check again, in the UPDATE), keep the evidence, write the
 * history. A race lost to another actor surfaces as a readable 409; nothing of the loser is kept. The case is loaded
 * by the repository's hand-written fragment itself, not through the repository's proxy (its interceptors cost more
 * than the query's mapping, and the transaction is already open).
 * <p>
 * The transaction's blind writes — the case's UPDATE, its history entry, and what the listeners of its events write
 * before the commit (tallies, notices, evaluation rows) — are queued and sent together just before the commit
 * ({@link PendingWrites}; on PostgreSQL one round trip, decision cases-29). Nothing on this path reads what they
 * change after they were queued, except a history append to a stream whose head is not remembered, which sends them
 * first. A version conflict is then found when they are sent, and the transaction rolls back as before.
 */
@Component
class CaseTransitions {

	private final CaseReadsImpl cases;

	private final AssistStore assists;

	private final CaseAccess access;

	private final AttachmentStore attachments;

	private final CaseHistory history;

	private final CaseTime time;

	private final CasesProperties properties;

	private final TransactionTemplate transactions;

	private final CaseRowUpdate rows;

	private final CaseSnapshots snapshots;

	private final PendingWrites writes;

	CaseTransitions(CaseReadsImpl cases, AssistStore assists, CaseAccess access, AttachmentStore attachments,
			CaseHistory history, CaseTime time, CasesProperties properties, PlatformTransactionManager transactions,
			CaseRowUpdate rows, CaseSnapshots snapshots, PendingWrites writes) {
		this.writes = writes;
		this.cases = cases;
		this.rows = rows;
		this.snapshots = snapshots;
		this.assists = assists;
		this.access = access;
		this.attachments = attachments;
		this.history = history;
		this.time = time;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** What a verb does to the loaded case; it answers with the note for the history. */
	interface Change {

		CaseHistory.Note apply(Case subject, Instant now, Supplier<List<AssistStore.Part>> assists);

	}

	CaseSummary run(Actor actor, CaseId id, long version, CaseAction action, List<Upload> evidence, Change change) {
		var photos = AttachmentCheck.check(evidence, properties.attachmentMaxBytes(), properties.attachmentMaxFiles());
		var remembered = snapshots.take(id, version);
		if (remembered != null) {
			var subject = remembered.subject();
			var done = remembered(() -> {
				var parts = parts(remembered);
				access.check(actor, subject, action, parts);
				return apply(actor, subject, CaseColumns.changingValues(subject), action, photos, parts, change);
			});
			if (done != null) {
				return done;
			}
		}
		return guard(() -> transaction(() -> {
			var loaded = cases.findWithAssists(id).orElseThrow(() -> new NotFoundException("cases.notFound", id));
			var subject = loaded.subject();
			Supplier<List<AssistStore.Part>> parts = loaded::assists;
			subject.checkVersion(version);
			access.check(actor, subject, action, parts);
			return apply(actor, subject, CaseColumns.changingValues(subject), action, photos, parts, change);
		}));
	}

	/**
	 * A transition on the case of a tracking code, for the resident (no version seen, no scope: the UPDATE still
	 * checks the version loaded). The case is read in the transition's own transaction, like every other transition:
	 * reading it before, on its own, was one more transaction and one more connection checkout per rating.
	 */
	CaseSummary runByTrackingCode(Actor actor, String trackingCode, CaseAction action, Change change) {
		var remembered = snapshots.take(trackingCode);
		if (remembered != null) {
			var subject = remembered.subject();
			var done = remembered(() -> apply(actor, subject, CaseColumns.changingValues(subject), action, List.of(),
					parts(remembered), change));
			if (done != null) {
				return done;
			}
		}
		return guard(() -> transaction(() -> {
			var subject = cases.findByTrackingCode(trackingCode)
				.orElseThrow(() -> new NotFoundException("cases.tracking.notFound", trackingCode));
			return apply(actor, subject, CaseColumns.changingValues(subject), action, List.of(),
					memo(() -> assists.of(subject.id())), change);
		}));
	}

	/**
	 * The transition on a case remembered as this node committed it ({@link CaseSnapshots}), in a transaction of its
	 * own, without loading it: the actor's access is checked on it as after a load (the resident's rating by tracking
	 * code has no scope to check) and its assisting departments are read only if asked for; the UPDATE checks its
	 * version. Null when anything failed — the case was changed meanwhile (on another node), or the verb refused it —
	 * and the transaction was rolled back: the caller then runs the transition on the case as loaded, so whatever is
	 * answered is what a load would have answered.
	 */
	private CaseSummary remembered(Supplier<CaseSummary> transition) {
		try {
			return transaction(transition);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	/**
	 * The assisting departments of a remembered case: none, without a read, when its last write found it never had
	 * any (they come only with a dispatch, which writes a new version: the UPDATE would not find this one); read when
	 * asked for otherwise.
	 */
	private Supplier<List<AssistStore.Part>> parts(CaseSnapshots.Remembered remembered) {
		if (remembered.unassisted()) {
			return List::of;
		}
		var id = remembered.subject().id();
		return memo(() -> assists.of(id));
	}

	/** Applies the verb and saves what it changed against {@code loaded}, the case's columns as read. */
	private CaseSummary apply(Actor actor, Case subject, Object[] loaded, CaseAction action,
			List<AttachmentCheck.Checked> photos, Supplier<List<AssistStore.Part>> parts, Change change) {
		var now = time.now();
		var from = subject.status();
		var note = change.apply(subject, now, parts);
		var saved = rows.save(subject, loaded, snapshots::committed);
		// most transitions carry no photo: no call through the store's proxy (exception translation) for nothing
		var photoIds = photos.isEmpty() ? List.<UUID>of()
				: attachments.add(saved.id(), action, photos, actor.id().toString(), now);
		history.record(saved, action, from, actor, now, note, photoIds);
		return CaseSummary.of(saved, now, false);
	}

	/**
	 * Runs {@code work} in a transaction whose writes are sent together before it commits ({@link PendingWrites}); in
	 * the caller's transaction, when there is one, they are written at once (the caller may read them).
	 */
	private <T> T transaction(Supplier<T> work) {
		return transactions.execute(status -> {
			if (status.isNewTransaction()) {
				writes.open();
			}
			return work.get();
		});
	}

	static <T> T guard(Supplier<T> step) {
		try {
			return step.get();
		}
		catch (ConcurrencyFailureException | DuplicateKeyException e) {
			throw new ConflictException("cases.conflict");
		}
	}

	private static <T> Supplier<T> memo(Supplier<T> supplier) {
		return new Supplier<>() {
			private T value;

			@Override
			public T get() {
				if (value == null) {
					value = supplier.get();
				}
				return value;
			}
		};
	}

}
