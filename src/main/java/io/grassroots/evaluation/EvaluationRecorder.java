package io.grassroots.evaluation;

import java.sql.Timestamp;

import io.grassroots.cases.CaseEvaluated;
import io.grassroots.cases.CaseReopened;
import io.grassroots.cases.Rating;
import io.grassroots.shared.PendingWrites;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one row per evaluated case, in the transaction of the evaluation itself (before it commits, so no event
 * publication is stored and the row exists exactly when the evaluation does): one insert per evaluation, one update
 * per reopening, with the transaction's other writes when it queues them ({@link PendingWrites}, decision cases-29).
 * Nothing else on the case's write path.
 */
@Component
class EvaluationRecorder {

	private final PendingWrites writes;

	EvaluationRecorder(PendingWrites writes) {
		this.writes = writes;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CaseEvaluated event) {
		var unsatisfactory = event.rating() == Rating.DISSATISFIED || Boolean.FALSE.equals(event.resolved());
		writes.write("""
				insert into evaluation_case (case_id, region, department, rating, resolved, source, unsatisfactory,
				evaluated_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", event.caseId().id(),
				event.region().value(), event.department() == null ? null : event.department().id(), event.rating().name(),
				event.resolved(), event.source().name(), unsatisfactory, Timestamp.from(event.at()));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CaseReopened event) {
		writes.write("delete from evaluation_case where case_id = ?", event.caseId().id());
	}

}
