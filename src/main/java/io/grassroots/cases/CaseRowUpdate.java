package io.grassroots.cases;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Saves a transition: one hand-written UPDATE of the columns a transition may change, guarded by the version the
 * case was loaded with ({@code where id = ? and version = ?}), then the case's events are published as the
 * repository would publish them. What a case was reported with (its origin, text and place) is written once, by the
 * intake. Mapping the whole aggregate on every step was most of the Java time of a transition (bench/lifecycle).
 */
@Component
class CaseRowUpdate {

	private static final String UPDATE = """
			update cases_case set status = :status, tier = :tier, category_standard = :categoryStandard,
			category_code = :categoryCode, urgency = :urgency, complex = :complex, lead_department = :lead,
			merged_into = :mergedInto, step = :step, step_started_at = :stepStartedAt, warn_at = :warnAt, due_at = :dueAt,
			step_span_seconds = :stepSpan, step_unit = :stepUnit, parked_at = :parkedAt,
			parked_remaining_seconds = :parkedRemaining, extension_amount = :extensionAmount,
			extension_unit = :extensionUnit, return_count = :returns, rework_count = :reworks,
			extension_count = :extensions, reopen_count = :reopens, resolved_at_tier = :resolvedAtTier, rating = :rating,
			resolved = :resolved, filed_at = :filedAt, dispatched_at = :dispatchedAt, claimed_at = :claimedAt,
			reported_back_at = :reportedBackAt, closed_at = :closedAt, evaluated_at = :evaluatedAt,
			version = :version + 1
			where id = :id and version = :version""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	CaseRowUpdate(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Writes the changed case; a case changed meanwhile by someone else is a conflict (409). */
	Case save(Case c) {
		var spec = jdbc.sql(UPDATE).param("id", c.id().id()).param("version", c.version());
		spec = spec.param("status", c.status().name()).param("tier", c.tier().name());
		var matter = c.matter();
		spec = text(spec, "categoryStandard", matter.category() == null ? null : matter.category().standard());
		spec = text(spec, "categoryCode", matter.category() == null ? null : matter.category().code());
		spec = spec.param("urgency", matter.urgency().name()).param("complex", matter.complex());
		spec = uuid(spec, "lead", c.leadDepartment() == null ? null : c.leadDepartment().id());
		spec = uuid(spec, "mergedInto", c.mergedInto() == null ? null : c.mergedInto().id());
		spec = clock(spec, c.clock());
		var extension = c.pendingExtension();
		spec = spec.param("extensionAmount", extension == null ? null : extension.amount(), Types.INTEGER);
		spec = text(spec, "extensionUnit", extension == null ? null : extension.unit().name());
		var tally = c.tally();
		spec = spec.param("returns", tally.returnCount()).param("reworks", tally.reworkCount())
			.param("extensions", tally.extensionCount()).param("reopens", tally.reopenCount());
		var outcome = c.outcome();
		spec = text(spec, "resolvedAtTier", outcome == null || outcome.resolvedAtTier() == null ? null
				: outcome.resolvedAtTier().name());
		spec = text(spec, "rating", outcome == null || outcome.rating() == null ? null : outcome.rating().name());
		spec = spec.param("resolved", outcome == null ? null : outcome.resolved(), Types.BOOLEAN);
		var milestones = c.milestones();
		spec = time(spec, "filedAt", milestones.filedAt());
		spec = time(spec, "dispatchedAt", milestones.dispatchedAt());
		spec = time(spec, "claimedAt", milestones.claimedAt());
		spec = time(spec, "reportedBackAt", milestones.reportedBackAt());
		spec = time(spec, "closedAt", milestones.closedAt());
		spec = time(spec, "evaluatedAt", milestones.evaluatedAt());
		if (spec.update() != 1) {
			throw new OptimisticLockingFailureException("Case " + c.id() + " changed since version " + c.version());
		}
		c.saved(c.version() + 1);
		c.pendingEvents().forEach(events::publishEvent);
		c.eventsPublished();
		return c;
	}

	private static JdbcClient.StatementSpec clock(JdbcClient.StatementSpec spec, StepClock clock) {
		spec = text(spec, "step", clock == null ? null : clock.step().name());
		spec = time(spec, "stepStartedAt", clock == null ? null : clock.stepStartedAt());
		spec = time(spec, "warnAt", clock == null ? null : clock.warnAt());
		spec = time(spec, "dueAt", clock == null ? null : clock.dueAt());
		spec = spec.param("stepSpan", clock == null ? null : clock.stepSpanSeconds(), Types.BIGINT);
		spec = text(spec, "stepUnit", clock == null || clock.stepUnit() == null ? null : clock.stepUnit().name());
		spec = time(spec, "parkedAt", clock == null ? null : clock.parkedAt());
		return spec.param("parkedRemaining", clock == null ? null : clock.parkedRemainingSeconds(), Types.BIGINT);
	}

	private static JdbcClient.StatementSpec text(JdbcClient.StatementSpec spec, String name, String value) {
		return spec.param(name, value, Types.VARCHAR);
	}

	private static JdbcClient.StatementSpec uuid(JdbcClient.StatementSpec spec, String name, java.util.UUID value) {
		return value == null ? spec.param(name, null, Types.OTHER) : spec.param(name, value);
	}

	private static JdbcClient.StatementSpec time(JdbcClient.StatementSpec spec, String name, Instant value) {
		return spec.param(name, value == null ? null : Timestamp.from(value), Types.TIMESTAMP);
	}

}
