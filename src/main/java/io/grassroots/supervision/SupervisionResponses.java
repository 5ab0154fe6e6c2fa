package io.grassroots.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.grassroots.calendar.WorkCalendars;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.DueCase;
import io.grassroots.identity.Actor;

import org.springframework.stereotype.Component;

/**
 * What the sweep does about one change of light or one check that fell due, inside the transaction the sweep opens.
 * Automatic actions are stamped with the instant they are about (the yellow or red instant, the check's time) and
 * get ids derived from it, so racing sweeps write identical rows and the unique keys keep one.
 */
@Component
class SupervisionResponses {

	private final SupervisionLedger ledger;

	private final SupervisionRules rules;

	private final WorkCalendars calendars;

	private final CaseQueries cases;

	SupervisionResponses(SupervisionLedger ledger, SupervisionRules rules, WorkCalendars calendars, CaseQueries cases) {
		this.ledger = ledger;
		this.rules = rules;
		this.calendars = calendars;
		this.cases = cases;
	}

	/**
	 * A page of light changes, in the one transaction the sweep opens for it: the reminders (the common outcome) as
	 * one batch, the rarer supervision orders one by one.
	 */
	void lightChanged(List<DueCase> changes) {
		var reminders = new ArrayList<Issue.Reminder>();
		changes.forEach(change -> respond(change, reminders::add));
		ledger.remind(reminders);
	}

	/** One light change (the sweep's fallback when a page failed as a batch). */
	void lightChanged(DueCase change) {
		respond(change, ledger::remind);
	}

	private void respond(DueCase change, Consumer<Issue.Reminder> remind) {
		var about = new Issue.About(change.id(), change.step(), change.dueAt());
		var at = DeadlineSweep.crossing(change);
		for (var response : rules.onChange(change)) {
			switch (response) {
				case REMIND -> remind.accept(new Issue.Reminder(new ReminderId(Issue.idFor("reminder-" + change.turns(),
						about)), about, change.turns().name(), SupervisionRules.audience(change),
						SupervisionRules.departmentStep(change) ? change.leadDepartment() : null, change.region(),
						change.grid(), true, null, Actor.system(), at));
				case ORDER -> order(change, about, at);
			}
		}
	}

	private void order(DueCase change, Issue.About about, Instant at) {
		var calendar = calendars.of(change.region());
		var id = new SupervisionOrderId(Issue.idFor("order", about));
		var due = rules.orderDue(calendar, at);
		ledger.order(new Issue.Order(id, about, change.leadDepartment(), change.region(), due, true, null,
				Actor.system(), at));
		ledger.timer(new Issue.Timer(Issue.idFor("card-check", about), Issue.TimerKind.CARD_CHECK, about,
				change.leadDepartment(), change.region(), null, rules.cardCheckAt(calendar, change.dueAt()),
				"card:" + about.key()));
		ledger.timer(new Issue.Timer(Issue.idFor("order-expiry", about), Issue.TimerKind.ORDER_EXPIRY, about,
				change.leadDepartment(), change.region(), id, due, "order:" + id));
	}

	List<Issue.Timer> timers(Instant after, Instant upTo, int limit) {
		return ledger.timers(after, upTo, limit);
	}

	/** A check fell due: a yellow card for a case still red, a red card for an order that ran out unanswered. */
	void fire(Issue.Timer timer) {
		var current = cases.summary(Actor.system(), timer.about().caseId());
		var overdue = SupervisionRules.stillOverdue(current, timer.about(), timer.department(), timer.fireAt());
		switch (timer.kind()) {
			case CARD_CHECK -> {
				if (overdue) {
					ledger.card(new Issue.Card(new CardId(Issue.idFor("yellow", timer.about())), CardKind.YELLOW_CARD,
							CardReason.OVERDUE, timer.department(), timer.region(), timer.about().caseId(), null, null,
							"overdue:" + timer.about().key(), Actor.system(), timer.fireAt()));
				}
			}
			case ORDER_EXPIRY -> {
				var unsupervised = timer.about().deadline() == null && current.status().isOpen();
				if (!(overdue || unsupervised)) {
					ledger.close(timer.order(), OrderState.SETTLED, null, Actor.system(), timer.fireAt());
				}
				else if (ledger.close(timer.order(), OrderState.EXPIRED, null, Actor.system(), timer.fireAt())) {
					ledger.card(new Issue.Card(new CardId(java.util.UUID.nameUUIDFromBytes(("red:" + timer.order()).getBytes(java.nio.charset.StandardCharsets.UTF_8))), CardKind.RED_CARD,
							CardReason.ORDER_EXPIRED, timer.department(), timer.region(), timer.about().caseId(),
							timer.order(), null, "order:" + timer.order(), Actor.system(), timer.fireAt()));
				}
			}
		}
	}

}
