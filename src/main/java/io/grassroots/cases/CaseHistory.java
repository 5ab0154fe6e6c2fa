package io.grassroots.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grassroots.audit.AuditEntry;
import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.Actor;
import io.grassroots.shared.MultiRowInsert;

import org.springframework.stereotype.Component;

/**
 * Writes every transition of a case into its stream of the audit chain ({@code case/<id>}), in the transaction of
 * the transition: who, when, from which state to which, the note, the attachments and what else the step decided.
 * Only what is needed is written (no personal data), so the history stays small.
 */
@Component
class CaseHistory {

	private final AuditTrail audit;

	CaseHistory(AuditTrail audit) {
		this.audit = audit;
	}

	static String stream(CaseId id) {
		return "case/" + id;
	}

	void record(Case subject, CaseAction action, CaseStatus from, Actor actor, Instant at, Note note,
			List<UUID> attachments) {
		audit.append(entry(subject, action, from, actor, note, attachments), at);
	}

	/** The first entry of a case created in this transaction: its stream is new, so its head is not read. */
	void recordFirst(Case created, CaseAction action, Actor actor, Instant at, Note note, List<UUID> attachments) {
		audit.recordAfter(entry(created, action, null, actor, note, attachments), 0, null, at);
	}

	/**
	 * The first entries of cases created in this transaction, in one batch and in the order given (their streams are
	 * new, so no head is read).
	 */
	void recordAllFirst(List<First> entries) {
		recordAllFirst(entries, List.of());
	}

	/**
	 * {@link #recordAllFirst(List)} after the caller's multi-row INSERTs (the new cases' rows), sent with the entries
	 * in one round trip on PostgreSQL (decision cases-30).
	 */
	void recordAllFirst(List<First> entries, List<MultiRowInsert.Rows> before) {
		var dated = new ArrayList<AuditTrail.Dated>(entries.size()); // a loop, not a stream: on every intake batch
		for (var f : entries) {
			dated.add(new AuditTrail.Dated(entry(f.created(), f.action(), null, f.actor(), f.note(), f.attachments()),
					f.at()));
		}
		audit.recordAllNew(dated, before);
	}

	/** The first entry of a new case, for {@link #recordAllFirst}. */
	record First(Case created, CaseAction action, Actor actor, Instant at, Note note, List<UUID> attachments) {
	}

	private static AuditRecord entry(Case subject, CaseAction action, CaseStatus from, Actor actor, Note note,
			List<UUID> attachments) {
		var details = new LinkedHashMap<String, Object>();
		if (from != null) {
			details.put("from", from.name());
		}
		details.put("to", subject.status().name());
		details.put("tier", subject.tier().name());
		if (note.text() != null && !note.text().isBlank()) {
			details.put("note", note.text());
		}
		if (!attachments.isEmpty()) {
			details.put("attachments", attachments.stream().map(UUID::toString).toList());
		}
		details.putAll(note.details());
		return new AuditRecord(stream(subject.id()), action.historyAction(), actor.id().toString(), actor.displayName(),
				details);
	}

	/** A line in the history of another case (the target of a merge), without changing that case. */
	void mention(CaseId other, String action, Actor actor, Instant at, Map<String, ?> details) {
		audit.append(new AuditRecord(stream(other), action, actor.id().toString(), actor.displayName(), details), at);
	}

	List<AuditEntry> of(CaseId id) {
		return audit.stream(stream(id));
	}

	/**
	 * What a transition adds to its history entry: the person's note (a reason, a result) and what the step
	 * decided (the department, the category …).
	 */
	record Note(String text, Map<String, Object> details) {

		static Note of(String text) {
			return new Note(text, Map.of());
		}

		static Note of(String text, Map<String, Object> details) {
			return new Note(text, details);
		}

	}

}
