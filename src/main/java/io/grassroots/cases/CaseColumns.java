package io.grassroots.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/**
 * The columns of {@code cases_case} in one place, for the hand-written writes and the hand-written read: the
 * parameters of the writes ({@link CaseInsertsImpl}, {@link CaseRowUpdate}) are named after the columns
 * ({@code reported_at} is {@code reportedAt}): {@link #changing} holds what a transition may change, {@link #all} adds
 * what the intake writes once; {@link #read} builds a case back from a row of the columns of {@link #READ}, in that
 * order ({@link CaseReadsImpl}). A column added to the table is added here (both ways: to {@link #READ} and
 * {@link #read} at the same position), and to the INSERT (and the UPDATE if transitions change it);
 * {@code CaseReadsTests} fails on a column that is written but not read back, not read, or not written at all.
 */
final class CaseColumns {

	private CaseColumns() {
	}

	/** Every column of a new case. */
	static Map<String, Object> all(Case c) {
		// sized for every column at once
		var values = allValues(c);
		var p = new HashMap<String, Object>(128);
		for (var i = 0; i < values.length; i++) {
			p.put(ALL.get(i), values[i]);
		}
		return p;
	}

	/**
	 * The values of {@link #ALL}, in its order: what the intake's multi-row INSERT binds, by position (no map per case:
	 * building and reading one was the intake writer's, decision cases-37).
	 */
	static Object[] allValues(Case c) {
		var changing = changingValues(c);
		var values = Arrays.copyOf(changing, changing.length + ONCE.size());
		var origin = c.origin();
		var reporter = origin.reporter();
		var matter = c.matter();
		var place = c.place();
		var i = changing.length;
		values[i++] = c.id().id();
		values[i++] = origin.trackingCode();
		values[i++] = origin.intakeKey();
		values[i++] = name(origin.channel());
		values[i++] = matter.title();
		values[i++] = matter.description();
		values[i++] = code(place.region());
		values[i++] = place.grid();
		values[i++] = name(place.placement());
		values[i++] = place.longitude();
		values[i++] = place.latitude();
		values[i++] = place.address();
		values[i++] = reporter == null ? null : reporter.reporterName();
		values[i++] = reporter == null ? null : reporter.reporterPhone();
		values[i++] = reporter == null ? null : reporter.reporterPhoneIndex();
		values[i++] = reporter == null ? null : reporter.reporterAccount();
		values[i++] = reporter != null && reporter.anonymous();
		values[i++] = origin.confidential();
		values[i++] = origin.suggestedDepartment() == null ? null : origin.suggestedDepartment().id();
		values[i++] = origin.suspectedDuplicate() == null ? null : origin.suspectedDuplicate().id();
		values[i] = time(c.milestones().reportedAt());
		return values;
	}

	/** The columns a transition may change, by their parameter names; {@link #changingValues} in the same order. */
	static final List<String> CHANGING = List.of(
			"status", "tier", "categoryStandard", "categoryCode", "urgency", "complex", "leadDepartment",
			"mergedInto", "step", "stepStartedAt", "warnAt", "dueAt", "stepSpanSeconds", "stepUnit", "parkedAt",
			"parkedRemainingSeconds", "extensionAmount", "extensionUnit", "returnCount", "reworkCount",
			"extensionCount", "reopenCount", "resolvedAtTier", "rating", "resolved", "filedAt", "dispatchedAt",
			"claimedAt", "reportedBackAt", "closedAt", "evaluatedAt");

	/** The parameters a new case adds to {@link #CHANGING}, in the order of {@link #allValues}. */
	static final List<String> ONCE = List.of("id", "trackingCode", "intakeKey", "channel", "title", "description",
			"region", "grid", "placement", "longitude", "latitude", "address", "reporterName", "reporterPhone",
			"reporterPhoneIndex", "reporterAccount", "anonymous", "confidential", "suggestedDepartment",
			"suspectedDuplicate", "reportedAt");

	/** Every column's parameter: {@link #CHANGING}, then {@link #ONCE}. */
	static final List<String> ALL = Stream.concat(CHANGING.stream(), ONCE.stream()).toList();

	/** The columns a transition may change. */
	static Map<String, Object> changing(Case c) {
		return changing(c, 64);
	}

	private static Map<String, Object> changing(Case c, int capacity) {
		var values = changingValues(c);
		var p = new HashMap<String, Object>(capacity);
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
	 * The columns {@link #read} reads, in the order it reads them: a load selects exactly these (qualified with
	 * {@code c.}), so that each is read by its position instead of being looked up by name in a map the driver builds
	 * for every result set (bench/RESULTS.md § lifecycle, 2026-12-04 evening).
	 */
	static final List<String> READ = List.of("reporter_name", "reporter_phone", "reporter_phone_index",
			"reporter_account", "anonymous", "tracking_code", "intake_key", "channel", "confidential",
			"suggested_department", "suspected_duplicate", "category_standard", "category_code", "title",
			"description", "urgency", "complex", "region", "grid", "placement", "longitude", "latitude", "address",
			"step", "step_started_at", "warn_at", "due_at", "step_span_seconds", "step_unit", "parked_at",
			"parked_remaining_seconds", "extension_amount", "extension_unit", "return_count", "rework_count",
			"extension_count", "reopen_count", "reported_at", "filed_at", "dispatched_at", "claimed_at",
			"reported_back_at", "closed_at", "evaluated_at", "resolved_at_tier", "rating", "resolved", "id", "status",
			"tier", "lead_department", "merged_into", "version");

	/** {@link #READ} as a select list on the alias {@code c}. */
	static final String SELECTED = String.join(", ", READ.stream().map(column -> "c." + column).toList());

	/**
	 * The case of a row that starts with the columns of {@link #READ} ({@link #SELECTED}), as Spring Data JDBC would
	 * map it: an embedded value whose columns are all null ({@code @Embedded.Nullable}: the clock, the pending
	 * extension, the category, the outcome) is null. Java evaluates arguments left to right, so the reads below run
	 * in {@link #READ}'s order.
	 */
	static Case read(ResultSet rs) throws SQLException {
		var r = new RowCursor(rs);
		var reporter = new Reporter(r.string(), r.string(), r.string(), r.uuid(), r.bool());
		var origin = new Origin(r.string(), r.string(), Channel.valueOf(r.string()), reporter, r.bool(),
				department(r.uuid()), caseId(r.uuid()));
		var standard = r.string();
		var code = r.string();
		var matter = new Matter(r.string(), r.string(),
				standard == null && code == null ? null : new CategoryKey(standard, code),
				Urgency.valueOf(r.string()), r.bool());
		var place = new Place(new RegionCode(r.string()), r.uuid(), Placement.valueOf(r.string()),
				r.object(Double.class), r.object(Double.class), r.string());
		var clock = new StepClock(value(Step.class, r.string()), r.instant(), r.instant(), r.instant(),
				r.object(Long.class), value(LimitUnit.class, r.string()), r.instant(), r.object(Long.class));
		var extensionAmount = r.object(Integer.class);
		var extensionUnit = r.string();
		var extension = extensionAmount == null && extensionUnit == null ? null
				: new TimeLimit(extensionAmount, LimitUnit.valueOf(extensionUnit));
		var tally = new Tally(r.integer(), r.integer(), r.integer(), r.integer());
		var milestones = new Milestones(r.instant(), r.instant(), r.instant(), r.instant(), r.instant(), r.instant(),
				r.instant());
		var outcome = new Outcome(value(ResolvedAt.class, r.string()), value(Rating.class, r.string()),
				r.object(Boolean.class));
		return new Case(caseId(r.uuid()), origin, CaseStatus.valueOf(r.string()), Tier.valueOf(r.string()), matter,
				place, department(r.uuid()), caseId(r.uuid()), empty(clock) ? null : clock, extension, tally, milestones,
				outcome.resolvedAtTier() == null && outcome.rating() == null && outcome.resolved() == null ? null : outcome,
				r.longValue());
	}

	private static boolean empty(StepClock c) {
		return c.step() == null && c.stepStartedAt() == null && c.warnAt() == null && c.dueAt() == null
				&& c.stepSpanSeconds() == null && c.stepUnit() == null && c.parkedAt() == null
				&& c.parkedRemainingSeconds() == null;
	}

	private static CaseId caseId(UUID id) {
		return id == null ? null : new CaseId(id);
	}

	private static DepartmentId department(UUID id) {
		return id == null ? null : new DepartmentId(id);
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
