package io.grassroots.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/**
 * The columns of {@code cases_case} in one place, for the hand-written writes and the hand-written read: the
 * parameters of the writes ({@link CaseInsertsImpl}, {@link CaseRowUpdate}) are named after the columns
 * ({@code reported_at} is {@code reportedAt}): {@link #changing} holds what a transition may change, {@link #all} adds
 * what the intake writes once; {@link #read} builds a case back from a row of the same columns ({@link CaseReadsImpl}).
 * A column added to the table is added here (both ways), and to the INSERT (and the UPDATE if transitions change
 * it); {@code CaseColumnsTests} fails on a column that is written but not read back, or not written at all.
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

	/** The columns a transition may change, by their parameter names; {@link #changingValues} in the same order. */
	static final List<String> CHANGING = List.of(
			"status", "tier", "categoryStandard", "categoryCode", "urgency", "complex", "leadDepartment",
			"mergedInto", "step", "stepStartedAt", "warnAt", "dueAt", "stepSpanSeconds", "stepUnit", "parkedAt",
			"parkedRemainingSeconds", "extensionAmount", "extensionUnit", "returnCount", "reworkCount",
			"extensionCount", "reopenCount", "resolvedAtTier", "rating", "resolved", "filedAt", "dispatchedAt",
			"claimedAt", "reportedBackAt", "closedAt", "evaluatedAt");

	/** The columns a transition may change. */
	static Map<String, Object> changing(Case c) {
		var values = changingValues(c);
		var p = new HashMap<String, Object>(64);
		for (var i = 0; i < values.length; i++) {
			p.put(CHANGING.get(i), values[i]);
		}
		return p;
	}

	/**
	 * The values of {@link #CHANGING}, in its order: what the UPDATE of a transition binds (no map per save, bench/lifecycle).
	 */
	static Object[] changingValues(Case c) {
		var matter = c.matter();
		var clock = c.clock();
		var extension = c.pendingExtension();
		var tally = c.tally();
		var milestones = c.milestones();
		var outcome = c.outcome();
		return new Object[] {
				name(c.status()) /* status */,
				name(c.tier()) /* tier */,
				matter.category() == null ? null : matter.category().standard() /* categoryStandard */,
				matter.category() == null ? null : matter.category().code() /* categoryCode */,
				name(matter.urgency()) /* urgency */,
				matter.complex() /* complex */,
				c.leadDepartment() == null ? null : c.leadDepartment().id() /* leadDepartment */,
				c.mergedInto() == null ? null : c.mergedInto().id() /* mergedInto */,
				clock == null ? null : name(clock.step()) /* step */,
				clock == null ? null : time(clock.stepStartedAt()) /* stepStartedAt */,
				clock == null ? null : time(clock.warnAt()) /* warnAt */,
				clock == null ? null : time(clock.dueAt()) /* dueAt */,
				clock == null ? null : clock.stepSpanSeconds() /* stepSpanSeconds */,
				clock == null ? null : name(clock.stepUnit()) /* stepUnit */,
				clock == null ? null : time(clock.parkedAt()) /* parkedAt */,
				clock == null ? null : clock.parkedRemainingSeconds() /* parkedRemainingSeconds */,
				extension == null ? null : extension.amount() /* extensionAmount */,
				extension == null ? null : name(extension.unit()) /* extensionUnit */,
				tally.returnCount() /* returnCount */,
				tally.reworkCount() /* reworkCount */,
				tally.extensionCount() /* extensionCount */,
				tally.reopenCount() /* reopenCount */,
				outcome == null ? null : name(outcome.resolvedAtTier()) /* resolvedAtTier */,
				outcome == null ? null : name(outcome.rating()) /* rating */,
				outcome == null ? null : outcome.resolved() /* resolved */,
				time(milestones.filedAt()) /* filedAt */,
				time(milestones.dispatchedAt()) /* dispatchedAt */,
				time(milestones.claimedAt()) /* claimedAt */,
				time(milestones.reportedBackAt()) /* reportedBackAt */,
				time(milestones.closedAt()) /* closedAt */,
				time(milestones.evaluatedAt()) /* evaluatedAt */ };
	}

	/**
	 * The case of a row holding every column of {@code cases_case} (under their own names), as Spring Data JDBC would
	 * map it: an embedded value whose columns are all null ({@code @Embedded.Nullable}: the clock, the pending
	 * extension, the category, the outcome) is null.
	 */
	static Case read(ResultSet rs) throws SQLException {
		var reporter = new Reporter(rs.getString("reporter_name"), rs.getString("reporter_phone"),
				rs.getString("reporter_phone_index"), uuid(rs, "reporter_account"), rs.getBoolean("anonymous"));
		var origin = new Origin(rs.getString("tracking_code"), rs.getString("intake_key"),
				Channel.valueOf(rs.getString("channel")), reporter, rs.getBoolean("confidential"),
				department(rs, "suggested_department"), caseId(rs, "suspected_duplicate"));
		var standard = rs.getString("category_standard");
		var code = rs.getString("category_code");
		var matter = new Matter(rs.getString("title"), rs.getString("description"),
				standard == null && code == null ? null : new CategoryKey(standard, code),
				Urgency.valueOf(rs.getString("urgency")), rs.getBoolean("complex"));
		var place = new Place(new RegionCode(rs.getString("region")), uuid(rs, "grid"),
				Placement.valueOf(rs.getString("placement")), rs.getObject("longitude", Double.class),
				rs.getObject("latitude", Double.class), rs.getString("address"));
		var clock = new StepClock(value(Step.class, rs.getString("step")), instant(rs, "step_started_at"),
				instant(rs, "warn_at"), instant(rs, "due_at"), rs.getObject("step_span_seconds", Long.class),
				value(LimitUnit.class, rs.getString("step_unit")), instant(rs, "parked_at"),
				rs.getObject("parked_remaining_seconds", Long.class));
		var extensionAmount = rs.getObject("extension_amount", Integer.class);
		var extensionUnit = rs.getString("extension_unit");
		var extension = extensionAmount == null && extensionUnit == null ? null
				: new TimeLimit(extensionAmount, LimitUnit.valueOf(extensionUnit));
		var tally = new Tally(rs.getInt("return_count"), rs.getInt("rework_count"), rs.getInt("extension_count"),
				rs.getInt("reopen_count"));
		var milestones = new Milestones(instant(rs, "reported_at"), instant(rs, "filed_at"),
				instant(rs, "dispatched_at"), instant(rs, "claimed_at"), instant(rs, "reported_back_at"),
				instant(rs, "closed_at"), instant(rs, "evaluated_at"));
		var outcome = new Outcome(value(ResolvedAt.class, rs.getString("resolved_at_tier")),
				value(Rating.class, rs.getString("rating")), rs.getObject("resolved", Boolean.class));
		return new Case(caseId(rs, "id"), origin, CaseStatus.valueOf(rs.getString("status")),
				Tier.valueOf(rs.getString("tier")), matter, place, department(rs, "lead_department"),
				caseId(rs, "merged_into"), empty(clock) ? null : clock, extension, tally, milestones,
				outcome.resolvedAtTier() == null && outcome.rating() == null && outcome.resolved() == null ? null : outcome,
				rs.getLong("version"));
	}

	private static boolean empty(StepClock c) {
		return c.step() == null && c.stepStartedAt() == null && c.warnAt() == null && c.dueAt() == null
				&& c.stepSpanSeconds() == null && c.stepUnit() == null && c.parkedAt() == null
				&& c.parkedRemainingSeconds() == null;
	}

	private static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static CaseId caseId(ResultSet rs, String column) throws SQLException {
		var id = uuid(rs, column);
		return id == null ? null : new CaseId(id);
	}

	private static DepartmentId department(ResultSet rs, String column) throws SQLException {
		var id = uuid(rs, column);
		return id == null ? null : new DepartmentId(id);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static <E extends Enum<E>> E value(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
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
