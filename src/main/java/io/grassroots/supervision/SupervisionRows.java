package io.grassroots.supervision;

import java.time.Instant;
import java.util.List;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseRow;
import io.grassroots.cases.Step;

/** What the supervision board and the department's view show, row by row. */
public final class SupervisionRows {

	private SupervisionRows() {
	}

	public record Reminder(ReminderId id, CaseId caseId, Step step, String light, boolean automatic, String note,
			Instant sentAt, String sentBy) {
	}

	/** @param overdue whether the order ran past its own deadline while open */
	public record Order(SupervisionOrderId id, CaseId caseId, String department, Instant dueAt, OrderState state,
			boolean automatic, String note, String answer, Instant issuedAt, Instant answeredAt, boolean overdue) {
	}

	public record Card(CardId id, CardKind kind, CardReason reason, String department, CaseId caseId, String note,
			Instant issuedAt, String issuedBy) {
	}

	/** @param late reported in after the limit, or not yet and the limit has passed */
	public record Call(String department, java.util.UUID departmentId, Instant reportedAt, String reportedBy,
			String note, boolean late) {
	}

	public record Whistle(WhistleId id, String title, String description, String address, Instant calledAt,
			Instant reportBy, String calledBy, List<Call> calls) {
	}

	/** The supervisor's board: lit cases, open orders, recent cards, whistles, cases that may be reopened. */
	public record Board(List<CaseRow> lit, List<Order> orders, List<Card> cards, List<Whistle> whistles,
			List<ReopenCandidates.Candidate> reopenable) {
	}

	/** A department's own supervision: reminders, orders, cards and the whistles it was called by. */
	public record DepartmentView(String department, List<Reminder> reminders, List<Order> orders, List<Card> cards,
			List<Whistle> whistles) {
	}

}
