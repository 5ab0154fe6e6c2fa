package io.grassroots.supervision;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.Step;
import io.grassroots.identity.Actor;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** What the ledger writes: one record per kind of thing supervision issues. */
final class Issue {

	private Issue() {
	}

	/** The deadline an automatic action is about: the case, its step and the step's red instant. */
	record About(CaseId caseId, Step step, Instant deadline) {

		String key() {
			return caseId + ":" + (step == null ? "-" : step.name()) + ":"
					+ (deadline == null ? "-" : deadline.toEpochMilli());
		}

	}

	record Reminder(ReminderId id, About about, String light, Audience audience, DepartmentId department,
			RegionCode region, UUID grid, boolean automatic, String note, Actor by, Instant at) {
	}

	record Order(SupervisionOrderId id, About about, DepartmentId department, RegionCode region, Instant dueAt,
			boolean automatic, String note, Actor by, Instant at) {
	}

	record Card(CardId id, CardKind kind, CardReason reason, DepartmentId department, RegionCode region,
			CaseId caseId, SupervisionOrderId order, String note, String onceKey, Actor by, Instant at) {
	}

	/** A check that falls due later. */
	record Timer(UUID id, TimerKind kind, About about, DepartmentId department, RegionCode region,
			SupervisionOrderId order, Instant fireAt, String onceKey) {
	}

	enum TimerKind {

		/** Is the case still red a working day after its deadline? Then a yellow card. */
		CARD_CHECK,
		/** Did the order run out unanswered? Then a red card. */
		ORDER_EXPIRY

	}

	/** A deterministic id for an automatic action, so that racing sweeps write identical rows. */
	static UUID idFor(String what, About about) {
		return UUID.nameUUIDFromBytes((what + ":" + about.key()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
