package io.grassroots.evaluation;

import java.sql.Timestamp;

import io.grassroots.cases.CaseEvaluated;
import io.grassroots.cases.CaseReopened;
import io.grassroots.cases.Rating;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one row per evaluated case, in the transaction of the evaluation itself (before it commits, so no event
 * publication is stored and the row exists exactly when the evaluation does): one insert per evaluation, one update
 * per reopening. Nothing else on the case's write path.
 */
@Component
class EvaluationRecorder {

	private final JdbcClient jdbc;

	EvaluationRecorder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CaseEvaluated event) {
		var unsatisfactory = event.rating() == Rating.DISSATISFIED || Boolean.FALSE.equals(event.resolved());
		jdbc.sql("""
				insert into evaluation_case (case_id, region, department, rating, resolved, source, unsatisfactory,
				evaluated_at) values (:id, :region, :department, :rating, :resolved, :source, :unsatisfactory, :at)
				on conflict do nothing""")
			.param("id", event.caseId().id())
			.param("region", event.region().value())
			.param("department", event.department() == null ? null : event.department().id())
			.param("rating", event.rating().name())
			.param("resolved", event.resolved())
			.param("source", event.source().name())
			.param("unsatisfactory", unsatisfactory)
			.param("at", Timestamp.from(event.at()))
			.update();
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CaseReopened event) {
		jdbc.sql("delete from evaluation_case where case_id = :id").param("id", event.caseId().id()).update();
	}

}
