package io.grassroots.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.WorkCalendar;
import io.grassroots.identity.Actor;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads cases for the work places, the public tracking page and other modules: queues within the viewer's scope,
 * the case page, and — for the supervision sweep — the cases whose light changes, found by index ranges of
 * {@code warn_at} and of each state's {@code due_at} without scanning the open cases.
 * <p>
 * Every read that takes more than one statement runs in a read-only transaction of its own; the queue pages
 * ({@link #page}, {@link #list}) are one statement and carry no transaction attribute at all (see {@link #page}).
 */
@Service
public class CaseQueries {

	private static final Pattern TRACKING_CODE = Pattern.compile("[0-9A-Z]{10}|[0-9A-Z]{14}");

	private static final String COLUMNS = """
			select c.id, c.tracking_code, c.title, c.channel, c.status, c.tier, c.urgency, c.category_standard,
			c.category_code, c.region, c.lead_department, c.suggested_department, c.suspected_duplicate, c.confidential,
			c.step, c.step_started_at, c.warn_at, c.due_at, c.step_span_seconds, c.step_unit, c.parked_at,
			c.parked_remaining_seconds, c.reported_at, c.extension_amount, c.version""";

	private static final String ROW = COLUMNS + " from cases_case c";

	private final JdbcClient jdbc;

	private final CaseRepository cases;

	private final CaseViews views;

	private final CaseAccess access;

	private final CaseClocks clocks;

	private final CaseNames names;

	private final CaseTime time;

	CaseQueries(JdbcClient jdbc, CaseRepository cases, CaseViews views, CaseAccess access, CaseClocks clocks,
			CaseNames names, CaseTime time) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.views = views;
		this.access = access;
		this.clocks = clocks;
		this.names = names;
		this.time = time;
	}

	/** The case page of one viewer; 404 for an unknown id, 403 outside the viewer's scope. */
	@Transactional(readOnly = true)
	public CaseView view(Actor actor, CaseId id) {
		return views.view(actor, load(id), time.now());
	}

	/** The case as the API answers right after a change; scope-checked like the page. */
	@Transactional(readOnly = true)
	public CaseSummary summary(Actor actor, CaseId id) {
		var subject = load(id);
		views.requireVisible(actor, subject);
		return CaseSummary.of(subject, time.now(), false);
	}

	/** The id of a case the actor may see, by its tracking code (for merging by code). */
	@Transactional(readOnly = true)
	public Optional<CaseId> findByTrackingCode(Actor actor, String trackingCode) {
		return cases.findByTrackingCode(trackingCode).filter(c -> {
			views.requireVisible(actor, c);
			return true;
		}).map(Case::id);
	}

	/**
	 * A work queue: the cases of the filter within the viewer's scope, most urgent first, up to {@code limit} of them
	 * (the API's list, the phone's task lists). One statement, so no transaction of its own (see {@link #page}).
	 */
	public List<CaseRow> list(Actor actor, CaseFilter filter, int limit) {
		return page(actor, filter, null, limit).rows();
	}

	/**
	 * A page of a work queue: the cases of the filter within the viewer's scope, most urgent first, from the start or
	 * after a cursor (the last row of the page before). Each state is read on its own in the order of an index
	 * (cases_case_queue, cases_case_lead_queue, and for the cases a department assists on cases_assist_queue) from
	 * the cursor on and stops after one page, so the cost follows the page size, not the cases in the scope (a
	 * street's closed cases run into the hundreds of thousands) nor how far down the queue the page is. Each state's
	 * read orders by the index's own columns and takes the rows that tie with its last one; only the merge orders by
	 * the id too (the indexes do not hold it: ordering each read by it made PostgreSQL sort, and fetch from the
	 * table, at least 32 rows per state and source before merging), and the assist reads name their order's
	 * columns as the row's ({@link #columns}; decision cases-11, amended).
	 * <p>
	 * A page is one statement (the names and calendars come from caches), so it opens no transaction of its own: a
	 * read-only transaction around one SELECT added a BEGIN and a COMMIT, two of a queue page's three statements, and
	 * the transaction manager's work per request, and isolated nothing (each statement sees its own snapshot under
	 * READ COMMITTED either way). Called within a caller's transaction, it joins it (the JDBC template takes the
	 * transaction's connection). It carries no transaction attribute either (it had {@code SUPPORTS}): even an empty
	 * transaction went through the transaction interceptor on every page — its status, the thread's synchronizations
	 * set up and torn down, a "commit" — for nothing a single SELECT needs (bench/RESULTS.md § pages, 2026-12-06).
	 */
	public QueuePage page(Actor actor, CaseFilter filter, QueueCursor after, int size) {
		var rows = Math.max(1, Math.min(size, 500));
		var statement = statement(actor, filter, after, rows);
		var now = time.now();
		var read = new RowReader(now);
		var found = jdbc.sql(statement.sql()).params(statement.params()).query((rs, n) -> read.row(rs)).list();
		if (found.size() <= rows) {
			return new QueuePage(found, null);
		}
		var page = found.subList(0, rows);
		return new QueuePage(List.copyOf(page), QueueCursor.after(page.get(rows - 1)));
	}

	/**
	 * The statement of a queue page of {@code rows} rows (one more is read, to tell whether there is more). Each state
	 * is a literal, the state's name from {@link CaseStatus}, never a parameter (decision cases-40): one statement text
	 * per combination of states, source and cursor, each planned for its states. With the state as a parameter,
	 * PostgreSQL's generic plan (from a pooled connection's 6th execution under {@code plan_cache_mode = auto}) was
	 * planned for an average state, not the queue's: for the grid worker's queue a bitmap scan of every case of the
	 * grid in that state and a sort, for the pending extensions the whole street's state read from the queue index.
	 */
	Statement statement(Actor actor, CaseFilter filter, QueueCursor after, int rows) {
		var params = new java.util.HashMap<String, Object>();
		var conditions = new StringBuilder();
		if (filter.tier() != null) {
			conditions.append(" and c.tier = :tier");
			params.put("tier", filter.tier().name());
		}
		if (filter.extensionPending()) {
			conditions.append(" and c.extension_amount is not null");
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			conditions.append(" and (c.title like :text or c.tracking_code = :code)");
			params.put("text", "%" + filter.text().strip().replace("%", "").replace("_", "") + "%");
			params.put("code", filter.text().strip().toUpperCase());
		}
		if (after != null) {
			params.put("afterDue", after.dueAt() == null ? null : Timestamp.from(after.dueAt()));
			params.put("afterReported", Timestamp.from(after.reportedAt()));
			params.put("afterId", after.id().id());
		}
		var statuses = filter.statuses().isEmpty() ? java.util.EnumSet.allOf(CaseStatus.class)
				: java.util.EnumSet.copyOf(filter.statuses());
		var branches = new java.util.ArrayList<String>();
		for (var source : access.sources(actor)) {
			params.putAll(source.params());
			var order = source.order();
			var from = columns(order) + " from " + source.from() + " where " + source.where();
			var tail = conditions + " order by " + order.indexOrder() + " fetch first :limit rows with ties)";
			for (var status : statuses) {
				// the state as a literal, never a parameter (decision cases-40): the enum's own name
				var head = "(" + from + " and " + order.status() + " = '" + status.name() + "'";
				for (var rest : rest(order, after)) {
					branches.add(head + rest + tail);
				}
			}
		}
		params.put("limit", rows + 1);
		return new Statement("select * from (" + String.join(" union all ", branches)
				+ ") q order by q.due_at, q.reported_at desc, q.id limit :limit", params);
	}

	/** A queue page's SQL text with named parameters, and their values. */
	record Statement(String sql, Map<String, Object> params) {
	}

	/**
	 * The columns of a queue row, the order's own columns under the row's names: for the cases a department assists
	 * on, the assist row's copy of the case's id, deadline and report time (equal to the case's, decision cases-10).
	 * So PostgreSQL sees each state's read already in the merge's order and reads from it only the rows the page
	 * takes; named after the case's columns, the assist reads were sorted again above their limit, and each read all
	 * its page's rows — every one an assist row, an index entry and a case row — before the first was merged.
	 */
	private static String columns(CaseAccess.Order order) {
		return order == CaseAccess.Source.ASSIST_ORDER ? ASSIST_COLUMNS : order == CaseAccess.Source.CASE_ORDER ? COLUMNS
				: renamed(order);
	}

	private static final String ASSIST_COLUMNS = renamed(CaseAccess.Source.ASSIST_ORDER);

	private static String renamed(CaseAccess.Order order) {
		return COLUMNS.replace("select c.id,", "select " + order.id() + " as id,")
			.replace(" c.due_at,", " " + order.due() + " as due_at,")
			.replace(" c.reported_at,", " " + order.reported() + " as reported_at,");
	}

	/**
	 * The rest of a state's queue after the cursor, as conditions each of which an index scan starts at: the rows
	 * with a later deadline (an index range from the cursor's deadline on; the rows of the same deadline before the
	 * cursor are filtered out inside the index), then those without a deadline, which come last; after a cursor
	 * without a deadline, only the rows without one from the cursor's report time back.
	 */
	private static List<String> rest(CaseAccess.Order o, QueueCursor after) {
		if (after == null) {
			return List.of("");
		}
		var sameReportAfterId = o.reported() + " < :afterReported or (" + o.reported() + " = :afterReported and "
				+ o.id() + " > :afterId)";
		var withoutDeadline = " and " + o.due() + " is null";
		if (after.dueAt() == null) {
			return List.of(withoutDeadline + " and " + o.reported() + " <= :afterReported and (" + sameReportAfterId
					+ ")");
		}
		return List.of(" and " + o.due() + " >= :afterDue and (" + o.due() + " > :afterDue or " + sameReportAfterId
				+ ")", withoutDeadline);
	}

	/**
	 * What the public tracking page shows; empty for an unknown code. A code has fourteen characters (the minute and
	 * nine random ones, decision 0022) or, made before 2026-12-06, ten.
	 */
	@Transactional(readOnly = true)
	public Optional<TrackingView> track(String trackingCode) {
		if (trackingCode == null || !TRACKING_CODE.matcher(trackingCode).matches()) {
			return Optional.empty();
		}
		return cases.findByTrackingCode(trackingCode).map(c -> views.tracking(c, time.now()));
	}

	/**
	 * Every state by name, as an SQL list: a condition {@code status in (…)} that every row meets and that lets
	 * PostgreSQL read a deadline range of each state from {@code cases_case_queue (status, due_at, …)}, the deadline
	 * being its second column (decision cases-35: there is no index on the deadline alone).
	 */
	static final String EVERY_STATE = java.util.Arrays.stream(CaseStatus.values())
		.map(s -> "'" + s.name() + "'")
		.collect(java.util.stream.Collectors.joining(", "));

	/**
	 * The sweep's query ({@link #lightChanges}): the yellow lights by a range of {@code cases_case_warn_at}, the red ones
	 * by a range of each state's deadlines in {@code cases_case_queue} (one short range per state: the condition on the
	 * states holds for every row and only makes the range scans possible).
	 */
	static final String LIGHT_CHANGES = """
			select id, version, status, step, region, grid, lead_department, warn_at, due_at, 'YELLOW' as turns,
			warn_at as crossed_at from cases_case where warn_at > :after and warn_at <= :upTo and warn_at < due_at
			union all
			select id, version, status, step, region, grid, lead_department, warn_at, due_at, 'RED' as turns,
			due_at as crossed_at from cases_case where status in (""" + EVERY_STATE + """
			) and due_at > :after and due_at <= :upTo
			order by crossed_at, id limit :limit""";

	/**
	 * For the deadline sweep: the cases whose light turns yellow or red in {@code (after, upTo]}, oldest first. Index
	 * range scans ({@link #LIGHT_CHANGES}); the cost grows with the cases that change light, not with the open cases.
	 */
	@Transactional(readOnly = true)
	public List<DueCase> lightChanges(Instant after, Instant upTo, int limit) {
		return jdbc.sql(LIGHT_CHANGES)
			.param("after", Timestamp.from(after))
			.param("upTo", Timestamp.from(upTo))
			.param("limit", limit)
			.query(CaseQueries::due)
			.list();
	}

	/**
	 * The cases within the viewer's scope whose light is yellow or red now (the supervision board), the longest
	 * overdue first. One index range scan on {@code warn_at}.
	 */
	@Transactional(readOnly = true)
	public List<CaseRow> lit(Actor actor, int limit) {
		var scope = access.filter(actor);
		var params = new java.util.HashMap<>(scope.params());
		var now = time.now();
		params.put("now", Timestamp.from(now));
		params.put("limit", Math.max(1, Math.min(limit, 500)));
		var read = new RowReader(now);
		return jdbc.sql(ROW + " where " + scope.where() + " and c.warn_at <= :now order by c.due_at, c.id limit :limit")
			.params(params)
			.query((rs, n) -> read.row(rs))
			.list();
	}

	/** Photo content, for a viewer who may see the case. */
	@Transactional(readOnly = true)
	public byte[] attachment(Actor actor, CaseId id, UUID attachment) {
		views.requireVisible(actor, load(id));
		return views.attachment(id, attachment).orElseThrow(() -> new NotFoundException("cases.attachment.notFound"));
	}

	/** The reporters to tell about a case (its own and those of the cases merged into it); for the platform only. */
	@Transactional(readOnly = true)
	public List<ReporterContact> reporters(Actor actor, CaseId id) {
		if (!actor.isSystem()) {
			throw new ForbiddenException("problem.forbidden");
		}
		return views.contacts(load(id));
	}

	private Case load(CaseId id) {
		return cases.findById(id).orElseThrow(() -> new NotFoundException("cases.notFound", id));
	}

	/**
	 * Maps the rows of one queue page: the names and work calendars of a page's rows repeat (a street's queue holds
	 * a few dozen communities, departments and categories), so each is looked up once per page; every column is read
	 * once, and the light and the office time left are computed from the row's own clock.
	 */
	private final class RowReader {

		private final Instant now;

		private final java.util.Map<String, String> regionNames = new java.util.HashMap<>();

		private final java.util.Map<UUID, String> departmentNames = new java.util.HashMap<>();

		private final java.util.Map<CategoryKey, String> categoryNames = new java.util.HashMap<>();

		private final java.util.Map<String, WorkCalendar> calendars = new java.util.HashMap<>();

		RowReader(Instant now) {
			this.now = now;
		}

		CaseRow row(ResultSet rs) throws SQLException {
			var standard = rs.getString(Column.CATEGORY_STANDARD);
			var category = standard == null ? null : new CategoryKey(standard, rs.getString(Column.CATEGORY_CODE));
			var region = rs.getString(Column.REGION);
			var dueAt = instant(rs, Column.DUE_AT);
			var step = rs.getString(Column.STEP);
			var parkedRemaining = rs.getObject(Column.PARKED_REMAINING_SECONDS, Long.class);
			var light = TrafficLight.NONE;
			var left = 0L;
			if (step != null) {
				var warnAt = instant(rs, Column.WARN_AT);
				var unit = LimitUnit.valueOf(rs.getString(Column.STEP_UNIT));
				var clock = new StepClock(Step.valueOf(step), null, warnAt, dueAt, null, unit,
						instant(rs, Column.PARKED_AT), parkedRemaining);
				light = clock.light(now);
				left = dueAt == null ? (clock.parked() && parkedRemaining != null ? parkedRemaining / 60 : 0)
						: minutesLeft(region, dueAt, unit);
			}
			var duplicate = uuid(rs, Column.SUSPECTED_DUPLICATE);
			return new CaseRow(new CaseId(uuid(rs, Column.ID)), rs.getString(Column.TRACKING_CODE),
					rs.getString(Column.TITLE), Channel.valueOf(rs.getString(Column.CHANNEL)),
					CaseStatus.valueOf(rs.getString(Column.STATUS)), Tier.valueOf(rs.getString(Column.TIER)),
					Urgency.valueOf(rs.getString(Column.URGENCY)),
					category == null ? "" : categoryNames.computeIfAbsent(category, k -> names.category(k)),
					regionNames.computeIfAbsent(region, r -> names.region(RegionCode.of(r))),
					department(uuid(rs, Column.LEAD_DEPARTMENT)), department(uuid(rs, Column.SUGGESTED_DEPARTMENT)),
					duplicate == null ? null : new CaseId(duplicate), rs.getBoolean(Column.CONFIDENTIAL), light, left,
					dueAt, instant(rs, Column.REPORTED_AT), rs.getObject(Column.EXTENSION_AMOUNT) != null,
					rs.getLong(Column.VERSION));
		}

		/** Time left until the deadline on the limit's clock (office time for working limits), negative when past. */
		private long minutesLeft(String region, Instant dueAt, LimitUnit unit) {
			if (!unit.working()) {
				return Duration.between(now, dueAt).toMinutes();
			}
			var calendar = calendars.computeIfAbsent(region, r -> clocks.calendar(RegionCode.of(r)));
			return (now.isBefore(dueAt) ? calendar.elapsed(now, dueAt, unit)
					: calendar.elapsed(dueAt, now, unit).negated()).toMinutes();
		}

		private String department(UUID id) {
			return id == null ? "" : departmentNames.computeIfAbsent(id, d -> names.department(new DepartmentId(d)));
		}

	}

	/**
	 * The positions of {@link #COLUMNS} in a row, which a queue row is read by: by name, every column of every row
	 * was looked up in the driver's map of the result's column names (25 a row, 50 rows a page). Worked out from
	 * {@link #COLUMNS} itself, so the two cannot drift apart; a queue page's outer {@code select *} keeps the order.
	 */
	private static final class Column {

		private static final List<String> NAMES = java.util.Arrays.stream(COLUMNS.substring("select ".length())
			.split(","))
			.map(c -> c.strip().substring("c.".length()))
			.toList();

		static final int ID = position("id"), TRACKING_CODE = position("tracking_code"), TITLE = position("title"),
				CHANNEL = position("channel"), STATUS = position("status"), TIER = position("tier"),
				URGENCY = position("urgency"), CATEGORY_STANDARD = position("category_standard"),
				CATEGORY_CODE = position("category_code"), REGION = position("region"),
				LEAD_DEPARTMENT = position("lead_department"), SUGGESTED_DEPARTMENT = position("suggested_department"),
				SUSPECTED_DUPLICATE = position("suspected_duplicate"), CONFIDENTIAL = position("confidential"),
				STEP = position("step"), WARN_AT = position("warn_at"), DUE_AT = position("due_at"),
				STEP_UNIT = position("step_unit"), PARKED_AT = position("parked_at"),
				PARKED_REMAINING_SECONDS = position("parked_remaining_seconds"), REPORTED_AT = position("reported_at"),
				EXTENSION_AMOUNT = position("extension_amount"), VERSION = position("version");

		private static int position(String name) {
			var index = NAMES.indexOf(name);
			if (index < 0) {
				throw new IllegalStateException("no column " + name + " in " + NAMES);
			}
			return index + 1;
		}

	}

	private static UUID uuid(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static DueCase due(ResultSet rs, int n) throws SQLException {
		var step = rs.getString("step");
		return new DueCase(new CaseId(rs.getObject("id", UUID.class)), rs.getLong("version"),
				CaseStatus.valueOf(rs.getString("status")), step == null ? null : Step.valueOf(step),
				RegionCode.of(rs.getString("region")), uuid(rs, "grid"), department(rs, "lead_department"),
				instant(rs, "warn_at"), instant(rs, "due_at"), TrafficLight.valueOf(rs.getString("turns")));
	}

	private static DepartmentId department(ResultSet rs, String column) throws SQLException {
		var id = uuid(rs, column);
		return id == null ? null : new DepartmentId(id);
	}

	private static UUID uuid(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, UUID.class);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
