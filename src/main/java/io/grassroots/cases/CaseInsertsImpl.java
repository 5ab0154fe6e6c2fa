package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;

import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link CaseInserts}: the columns of cases_case, in the order of its migration. */
class CaseInsertsImpl implements CaseInserts {

	private static final String INSERT = """
			insert into cases_case (id, tracking_code, intake_key, channel, status, tier, resolved_at_tier, title,
			description, category_standard, category_code, urgency, complex, region, grid, placement, longitude, latitude,
			address, reporter_name, reporter_phone, reporter_phone_index, reporter_account, anonymous, confidential,
			suggested_department, lead_department, merged_into, suspected_duplicate, step, step_started_at, warn_at, due_at,
			step_span_seconds, step_unit, parked_at, parked_remaining_seconds, extension_amount, extension_unit,
			return_count, rework_count, extension_count, reopen_count, rating, resolved, reported_at, filed_at,
			dispatched_at, claimed_at, reported_back_at, closed_at, evaluated_at, version)
			values (:id, :trackingCode, :intakeKey, :channel, :status, :tier, :resolvedAtTier, :title, :description,
			:categoryStandard, :categoryCode, :urgency, :complex, :region, :grid, :placement, :longitude, :latitude,
			:address, :reporterName, :reporterPhone, :reporterPhoneIndex, :reporterAccount, :anonymous, :confidential,
			:suggestedDepartment, :leadDepartment, :mergedInto, :suspectedDuplicate, :step, :stepStartedAt, :warnAt, :dueAt,
			:stepSpanSeconds, :stepUnit, :parkedAt, :parkedRemainingSeconds, :extensionAmount, :extensionUnit,
			:returnCount, :reworkCount, :extensionCount, :reopenCount, :rating, :resolved, :reportedAt, :filedAt,
			:dispatchedAt, :claimedAt, :reportedBackAt, :closedAt, :evaluatedAt, 0)""";

	private final JdbcClient jdbc;

	CaseInsertsImpl(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Case saveNew(Case c) {
		if (c.version() != 0 || c.status() == null) {
			throw new IllegalArgumentException("saveNew takes a case that was never saved");
		}
		var p = new HashMap<String, Object>(64);
		var origin = c.origin();
		var reporter = origin.reporter();
		var matter = c.matter();
		var place = c.place();
		var clock = c.clock();
		var extension = c.pendingExtension();
		var tally = c.tally();
		var milestones = c.milestones();
		var outcome = c.outcome();
		p.put("id", c.id().id());
		p.put("trackingCode", origin.trackingCode());
		p.put("intakeKey", origin.intakeKey());
		p.put("channel", name(origin.channel()));
		p.put("status", name(c.status()));
		p.put("tier", name(c.tier()));
		p.put("resolvedAtTier", outcome == null ? null : name(outcome.resolvedAtTier()));
		p.put("title", matter.title());
		p.put("description", matter.description());
		p.put("categoryStandard", matter.category() == null ? null : matter.category().standard());
		p.put("categoryCode", matter.category() == null ? null : matter.category().code());
		p.put("urgency", name(matter.urgency()));
		p.put("complex", matter.complex());
		p.put("region", code(place.region()));
		p.put("grid", place.grid());
		p.put("placement", name(place.placement()));
		p.put("longitude", place.longitude());
		p.put("latitude", place.latitude());
		p.put("address", place.address());
		p.put("reporterName", reporter == null ? null : reporter.reporterName());
		p.put("reporterPhone", reporter == null ? null : reporter.reporterPhone());
		p.put("reporterPhoneIndex", reporter == null ? null : reporter.reporterPhoneIndex());
		p.put("reporterAccount", reporter == null ? null : reporter.reporterAccount());
		p.put("anonymous", reporter != null && reporter.anonymous());
		p.put("confidential", origin.confidential());
		p.put("suggestedDepartment", origin.suggestedDepartment() == null ? null : origin.suggestedDepartment().id());
		p.put("leadDepartment", c.leadDepartment() == null ? null : c.leadDepartment().id());
		p.put("mergedInto", c.mergedInto() == null ? null : c.mergedInto().id());
		p.put("suspectedDuplicate", origin.suspectedDuplicate() == null ? null : origin.suspectedDuplicate().id());
		p.put("step", clock == null ? null : name(clock.step()));
		p.put("stepStartedAt", clock == null ? null : time(clock.stepStartedAt()));
		p.put("warnAt", clock == null ? null : time(clock.warnAt()));
		p.put("dueAt", clock == null ? null : time(clock.dueAt()));
		p.put("stepSpanSeconds", clock == null ? null : clock.stepSpanSeconds());
		p.put("stepUnit", clock == null ? null : name(clock.stepUnit()));
		p.put("parkedAt", clock == null ? null : time(clock.parkedAt()));
		p.put("parkedRemainingSeconds", clock == null ? null : clock.parkedRemainingSeconds());
		p.put("extensionAmount", extension == null ? null : extension.amount());
		p.put("extensionUnit", extension == null ? null : name(extension.unit()));
		p.put("returnCount", tally.returnCount());
		p.put("reworkCount", tally.reworkCount());
		p.put("extensionCount", tally.extensionCount());
		p.put("reopenCount", tally.reopenCount());
		p.put("rating", outcome == null ? null : name(outcome.rating()));
		p.put("resolved", outcome == null ? null : outcome.resolved());
		p.put("reportedAt", time(milestones.reportedAt()));
		p.put("filedAt", time(milestones.filedAt()));
		p.put("dispatchedAt", time(milestones.dispatchedAt()));
		p.put("claimedAt", time(milestones.claimedAt()));
		p.put("reportedBackAt", time(milestones.reportedBackAt()));
		p.put("closedAt", time(milestones.closedAt()));
		p.put("evaluatedAt", time(milestones.evaluatedAt()));
		jdbc.sql(INSERT).params(p).update();
		c.saved(0L);
		return c;
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static String code(RegionCode code) {
		return code == null ? null : code.value();
	}

	private static Timestamp time(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

}
