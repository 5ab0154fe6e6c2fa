package io.grassroots.notification;

import java.util.Set;

import io.grassroots.cases.CaseClosed;
import io.grassroots.cases.CaseDispatched;
import io.grassroots.cases.CaseEvent;
import io.grassroots.cases.CaseMerged;
import io.grassroots.cases.Step;
import io.grassroots.identity.Role;
import io.grassroots.supervision.CardIssued;
import io.grassroots.supervision.CardKind;
import io.grassroots.supervision.ReminderSent;
import io.grassroots.supervision.RemindersSent;
import io.grassroots.supervision.SupervisionOrderIssued;
import io.grassroots.supervision.WhistleCalled;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns events into notices and deliveries inside the transaction of the change they tell about (before it commits):
 * the notice exists exactly when the change does, no event publication is stored, and a case transition pays one
 * insert when it notifies and nothing when it does not. One listener per source module, dispatching by type.
 */
@Component
class NotificationListener {

	private final Notices notices;

	NotificationListener(Notices notices) {
		this.notices = notices;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CaseEvent event) {
		if (event instanceof CaseDispatched d) {
			notices.toDepartment(d.lead(), NoticeKind.ORDER, d.caseId(), null, d.at());
			d.assisting().forEach(a -> notices.toDepartment(a, NoticeKind.ORDER, d.caseId(), null, d.at()));
		}
		else if (event instanceof CaseMerged m) {
			notices.deliver(NoticeKind.CASE_MERGED, m.into(), m.at());
		}
		else if (event instanceof CaseClosed c) {
			notices.deliver(NoticeKind.CASE_CLOSED, c.caseId(), c.at());
		}
	}

	/** A page of the deadline sweep's reminders (or one by hand): their notices in one batch. */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RemindersSent sent) {
		notices.post(sent.reminders().stream().map(NotificationListener::notice).toList());
	}

	private static Notices.Notice notice(ReminderSent r) {
		return switch (r.audience()) {
			case DEPARTMENT -> Notices.Notice.toDepartment(r.department(), NoticeKind.REMINDER, r.caseId(), r.id().id(),
					r.at());
			case GRID -> Notices.Notice.toGrid(r.grid(), NoticeKind.REMINDER, r.caseId(), r.id().id(), r.at());
			case REGION -> Notices.Notice.toRegion(r.region(), r.step() == Step.HANDLE ? Set.of(Role.COMMUNITY_STAFF)
					: Set.of(Role.DISPATCHER), NoticeKind.REMINDER, r.caseId(), r.id().id(), r.at());
		};
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(SupervisionOrderIssued o) {
		notices.toDepartment(o.department(), NoticeKind.SUPERVISION_ORDER, o.caseId(), o.id().id(), o.at());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CardIssued c) {
		notices.toDepartment(c.department(), c.kind() == CardKind.RED_CARD ? NoticeKind.RED_CARD : NoticeKind.YELLOW_CARD,
				c.caseId(), c.id().id(), c.at());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(WhistleCalled w) {
		w.departments().forEach(d -> notices.toDepartment(d, NoticeKind.WHISTLE, null, w.id().id(), w.at()));
	}

}
