package io.grassroots.evaluation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.EvaluationSource;
import io.grassroots.cases.Rating;
import io.grassroots.cases.Step;
import io.grassroots.identity.Actor;
import io.grassroots.identity.Role;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RuleViolationException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluation of closed cases. The evaluation window is the EVALUATE limit of the time-limit table (7 days unless an
 * administrator changes it), the same instant the case's clock and the tracking page use: a staff callback (回访)
 * records a rating within it, the deadline sweep records «no reply» once it has passed. The street (a dispatcher or
 * supervisor) rates the department that handled a closed case, 1 to 5, once.
 */
@Service
public class EvaluationManagement {

	private final CaseManagement cases;

	private final CaseQueries queries;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	EvaluationManagement(CaseManagement cases, CaseQueries queries, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.cases = cases;
		this.queries = queries;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** 回访: staff record the resident's answer on the phone, within the evaluation window. */
	public CaseSummary callback(Actor actor, CaseId id, Long version, Rating rating, Boolean resolved, String note) {
		if (rating == null || rating == Rating.NO_REPLY) {
			throw InvalidInputException.of("rating", "evaluation.badRating");
		}
		if (version == null) {
			throw InvalidInputException.of("version", "evaluation.required", "version");
		}
		var subject = queries.summary(actor, id);
		if (subject.status() == CaseStatus.CLOSED && windowClosed(subject)) {
			throw new RuleViolationException("evaluation.windowClosed");
		}
		return cases.evaluate(actor, id, version, rating, resolved, EvaluationSource.CALLBACK, note);
	}

	/**
	 * The window that ended at {@code windowEnd} ran out with no answer: recorded once as «no reply». A case
	 * evaluated meanwhile, or whose window is another one (reopened and closed again), is left alone.
	 */
	void noReply(CaseId id, java.time.Instant windowEnd) {
		var subject = queries.summary(Actor.system(), id);
		var deadline = subject.deadline();
		if (subject.status() != CaseStatus.CLOSED || deadline == null || deadline.step() != Step.EVALUATE
				|| !windowEnd.equals(deadline.dueAt())) {
			return;
		}
		try {
			cases.evaluate(Actor.system(), id, subject.version(), Rating.NO_REPLY, null, EvaluationSource.NO_REPLY, null);
		}
		catch (ConflictException changedMeanwhile) {
			// a resident, a callback or another sweep got there first
		}
	}

	/** The street rates the department that handled a closed case (1–5), once per case. */
	@Transactional
	public void rateDepartment(Actor actor, CaseId id, Integer score, String note) {
		if (!actor.hasAny(Role.DISPATCHER, Role.SUPERVISOR)) {
			throw new ForbiddenException("evaluation.forbidden.rate");
		}
		if (score == null || score < 1 || score > 5) {
			throw InvalidInputException.of("score", "evaluation.badScore");
		}
		var text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 500) {
			throw InvalidInputException.of("note", "evaluation.tooLong", "note", 500);
		}
		var subject = queries.summary(actor, id);
		if (subject.status() != CaseStatus.CLOSED && subject.status() != CaseStatus.EVALUATED
				|| subject.leadDepartment() == null) {
			throw new RuleViolationException("evaluation.notRateable");
		}
		var now = clock.instant();
		try {
			jdbc.sql("""
					insert into evaluation_department_rating (case_id, department, region, score, note, rated_at,
					rated_by, rated_by_name) values (:id, :department, :region, :score, :note, :at, :by, :byName)""")
				.param("id", id.id()).param("department", subject.leadDepartment().id())
				.param("region", subject.region().value()).param("score", score).param("note", text)
				.param("at", Timestamp.from(now)).param("by", actor.id().toString())
				.param("byName", actor.displayName())
				.update();
		}
		catch (DuplicateKeyException already) {
			throw new ConflictException("evaluation.alreadyRated");
		}
		audit.record(new AuditRecord("evaluation/" + id, "department.rated", actor.id().toString(),
				actor.displayName(), Map.of("department", subject.leadDepartment().toString(), "score", score)), now);
	}

	private boolean windowClosed(CaseSummary subject) {
		var deadline = subject.deadline();
		return deadline != null && deadline.step() == Step.EVALUATE && clock.instant().isAfter(deadline.dueAt());
	}

}
