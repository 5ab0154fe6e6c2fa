package io.grassroots.bench.city;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The baseline: each page's main query, written as the product issues it (CaseQueries), run raw over JDBC and read
 * column by column without mapping, rendering or HTTP. Kept in step with the product's SQL by hand.
 */
final class RawQueries {

	record Queue(List<String> statuses, String tier, boolean extensionPending) {
	}

	static final Map<String, Queue> QUEUES = Map.of("NEW", new Queue(List.of("REPORTED"), "STREET", false),
			"LOWER_TIERS", new Queue(List.of("REPORTED", "COMMUNITY_HANDLING"), null, false), "FILED_QUEUE",
			new Queue(List.of("FILED"), null, false), "DISPATCHED_QUEUE", new Queue(List.of("DISPATCHED"), null, false),
			"IN_PROGRESS_QUEUE", new Queue(List.of("IN_PROGRESS"), null, false), "EXTENSIONS",
			new Queue(List.of("IN_PROGRESS"), null, true), "PARKED_QUEUE", new Queue(List.of("PARKED"), null, false),
			"TO_VERIFY", new Queue(List.of("REPORTED_BACK"), null, false), "CLOSED_QUEUE",
			new Queue(List.of("CLOSED", "EVALUATED"), null, false));

	private static final String COLUMNS = """
			select c.id, c.tracking_code, c.title, c.channel, c.status, c.tier, c.urgency, c.category_standard,
			c.category_code, c.region, c.lead_department, c.suggested_department, c.suspected_duplicate, c.confidential,
			c.step, c.step_started_at, c.warn_at, c.due_at, c.step_span_seconds, c.step_unit, c.parked_at,
			c.parked_remaining_seconds, c.reported_at, c.extension_amount, c.version""";

	/** The same for the cases a department assists on: the assist row's copy of the order's columns, as the product. */
	private static final String ASSIST_COLUMNS = COLUMNS.replace("select c.id,", "select a.case_id as id,")
		.replace(" c.due_at,", " a.case_due_at as due_at,")
		.replace(" c.reported_at,", " a.case_reported_at as reported_at,");

	/** A query ready to run; returns the nanoseconds it took to execute and read every row. */
	@FunctionalInterface
	interface Query {

		long run() throws SQLException;

	}

	private final Connection db;

	RawQueries(Connection db) {
		this.db = db;
	}

	Query queue(Pages.Account account, String queue, int limit) {
		var q = QUEUES.get(queue);
		return list(account, q.statuses(), q.tier(), q.extensionPending(), limit);
	}

	/**
	 * CaseQueries.page: each state of the queue read on its own in the order of its index (most urgent first; the
	 * rows that tie with a state's last one come along, and the merge orders by the id too) within the viewer's
	 * scope (a department: the orders it leads state by state, and the cases it assists on state by state, in the
	 * order of the assist rows' copy of the case's state and deadline), one page each from the cursor on, merged.
	 * {@code limit} is what the product asks for: the page's rows and one more.
	 */
	Query list(Pages.Account account, List<String> statuses, String tier, boolean extensionPending, int limit) {
		return list(account, statuses, tier, extensionPending, limit, null);
	}

	/** The same after a cursor of the product's ({@code QueueCursor}: {@code <due or ->_<reported>_<id>}). */
	Query list(Pages.Account account, List<String> statuses, String tier, boolean extensionPending, int limit,
			String cursor) {
		var after = cursor == null ? null : cursor.split("_");
		var afterDue = after == null || after[0].equals("-") ? null : Timestamp.from(Instant.parse(after[0]));
		var afterReported = after == null ? null : Timestamp.from(Instant.parse(after[1]));
		var afterId = after == null ? null : UUID.fromString(after[2]);
		return () -> {
			var conditions = (tier != null ? " and c.tier = ?" : "") + (extensionPending ? " and c.extension_amount is not null" : "");
			var branches = new java.util.ArrayList<String>();
			var department = account.department() != null;
			for (var status : statuses) {
				for (var rest : rest("c.due_at", "c.reported_at", "c.id", after != null, afterDue != null)) {
					branches.add("(" + COLUMNS + " from cases_case c where " + (department ? "c.lead_department = ?"
							: "c.region >= ? and c.region < ? and (c.confidential = false or 1 = 1)") + " and c.status = ?"
							+ rest + conditions + " order by c.due_at, c.reported_at desc fetch first ? rows with ties)");
				}
			}
			var leads = branches.size();
			if (department) {
				for (var status : statuses) {
					for (var rest : rest("a.case_due_at", "a.case_reported_at", "a.case_id", after != null, afterDue != null)) {
						branches.add("(" + ASSIST_COLUMNS + " from cases_assist a join cases_case c on c.id = a.case_id"
								+ " where a.department = ? and (c.lead_department is null or c.lead_department <> ?)"
								+ " and a.case_status = ?" + rest + conditions
								+ " order by a.case_due_at, a.case_reported_at desc fetch first ? rows with ties)");
					}
				}
			}
			var sql = "select * from (" + String.join(" union all ", branches)
					+ ") q order by q.due_at, q.reported_at desc, q.id limit ?";
			var started = System.nanoTime();
			try (var s = db.prepareStatement(sql)) {
				var i = 1;
				var perStatus = branches.size() / statuses.size() / (department ? 2 : 1);
				for (var b = 0; b < branches.size(); b++) {
					var status = statuses.get((b < leads ? b : b - leads) / perStatus);
					var rest = (b < leads ? b : b - leads) % perStatus;
					if (b >= leads) {
						s.setObject(i++, account.department());
						s.setObject(i++, account.department());
					}
					else if (department) {
						s.setObject(i++, account.department());
					}
					else {
						s.setString(i++, account.region());
						s.setString(i++, subtreeTo(account.region()));
					}
					s.setString(i++, status);
					if (after != null) {
						if (afterDue != null && rest == 0) {
							s.setTimestamp(i++, afterDue);
							s.setTimestamp(i++, afterDue);
							s.setTimestamp(i++, afterReported);
							s.setTimestamp(i++, afterReported);
							s.setObject(i++, afterId);
						}
						else if (afterDue == null) {
							s.setTimestamp(i++, afterReported);
							s.setTimestamp(i++, afterReported);
							s.setTimestamp(i++, afterReported);
							s.setObject(i++, afterId);
						}
					}
					if (tier != null) {
						s.setString(i++, tier);
					}
					s.setInt(i++, limit);
				}
				s.setInt(i, limit);
				read(s);
			}
			return System.nanoTime() - started;
		};
	}

	/** CaseQueries.rest: the conditions of a state's queue after the cursor, each an index range of its own. */
	private static List<String> rest(String due, String reported, String id, boolean after, boolean afterDue) {
		if (!after) {
			return List.of("");
		}
		var sameReportAfterId = reported + " < ? or (" + reported + " = ? and " + id + " > ?)";
		if (!afterDue) {
			return List.of(" and " + due + " is null and " + reported + " <= ? and (" + sameReportAfterId + ")");
		}
		return List.of(" and " + due + " >= ? and (" + due + " > ? or " + sameReportAfterId + ")",
				" and " + due + " is null");
	}

	/** The case page: the case row, its assisting departments and its history (the audit chain). */
	Query casePage(UUID id) {
		return () -> {
			var started = System.nanoTime();
			try (var s = db.prepareStatement("select * from cases_case where id = ?")) {
				s.setObject(1, id);
				read(s);
			}
			try (var s = db.prepareStatement("select * from cases_assist where case_id = ?")) {
				s.setObject(1, id);
				read(s);
			}
			try (var s = db.prepareStatement("select * from audit_entry where stream = ? order by seq")) {
				s.setString(1, "case/" + id);
				read(s);
			}
			return System.nanoTime() - started;
		};
	}

	private static void read(PreparedStatement s) throws SQLException {
		try (var rs = s.executeQuery()) {
			var columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				for (var c = 1; c <= columns; c++) {
					rs.getObject(c);
				}
			}
		}
	}

	/** RegionCode.subtreeTo of a street or community code. */
	static String subtreeTo(String region) {
		var prefix = region.replaceAll("(000)+$", "");
		if (prefix.length() % 3 != 0 && prefix.length() > 6) {
			prefix = region.substring(0, ((prefix.length() + 2) / 3) * 3);
		}
		var next = Long.toString(Long.parseLong(prefix) + 1);
		return (next + "000000000000").substring(0, 12);
	}

}
