package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.grassroots.shared.RegionCode;

/**
 * The parameters of the hand-written writes of {@code cases_case} ({@link CaseInsertsImpl}, {@link CaseRowUpdate}),
 * named after the columns: {@link #changing} holds what a transition may change, {@link #all} adds what the intake
 * writes once. A column added to the table is added here, and to the INSERT (and the UPDATE if transitions change it).
 */
final class CaseColumns {

	private CaseColumns() {
	}

	/** Every column of a new case. */
	static Map<String, Object> all(Case c) {
		var p = changing(c);
		var origin = c.origin();
		var reporter = origin.reporter();
		var matter = c.matter();
		var place = c.place();
		p.put("id", c.id().id());
		p.put("trackingCode", origin.trackingCode());
		p.put("intakeKey", origin.intakeKey());
		p.put("channel", name(origin.channel()));
		p.put("title", matter.title());
		p.put("description", matter.description());
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
		p.put("suspectedDuplicate", origin.suspectedDuplicate() == null ? null : origin.suspectedDuplicate().id());
		p.put("reportedAt", time(c.milestones().reportedAt()));
		return p;
	}

	/** The columns a transition may change. */
	static Map<String, Object> changing(Case c) {
		var p = new HashMap<String, Object>(64);
		var matter = c.matter();
		var clock = c.clock();
		var extension = c.pendingExtension();
		var tally = c.tally();
		var milestones = c.milestones();
		var outcome = c.outcome();
		p.put("status", name(c.status()));
		p.put("tier", name(c.tier()));
		p.put("categoryStandard", matter.category() == null ? null : matter.category().standard());
		p.put("categoryCode", matter.category() == null ? null : matter.category().code());
		p.put("urgency", name(matter.urgency()));
		p.put("complex", matter.complex());
		p.put("leadDepartment", c.leadDepartment() == null ? null : c.leadDepartment().id());
		p.put("mergedInto", c.mergedInto() == null ? null : c.mergedInto().id());
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
		p.put("resolvedAtTier", outcome == null ? null : name(outcome.resolvedAtTier()));
		p.put("rating", outcome == null ? null : name(outcome.rating()));
		p.put("resolved", outcome == null ? null : outcome.resolved());
		p.put("filedAt", time(milestones.filedAt()));
		p.put("dispatchedAt", time(milestones.dispatchedAt()));
		p.put("claimedAt", time(milestones.claimedAt()));
		p.put("reportedBackAt", time(milestones.reportedBackAt()));
		p.put("closedAt", time(milestones.closedAt()));
		p.put("evaluatedAt", time(milestones.evaluatedAt()));
		return p;
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
