package io.grassroots.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.grassroots.cases.CaseId;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.MultiRowInsert;
import io.grassroots.shared.PendingWrites;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes in-app notices and webhook deliveries (one insert each), in the caller's transaction. */
@Component
class Notices {

	private static final String INTO = """
			insert into notification_notice (id, audience, department, grid, region, roles, kind, case_id, subject_id,
			created_at, addressee)""";

	private static final String INSERT = INTO + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** The PostgreSQL types of {@link #INTO}'s columns, for {@link MultiRowInsert}. */
	private static final List<String> TYPES = List.of("uuid", "text", "uuid", "uuid", "text", "text", "text", "uuid",
			"uuid", "timestamptz", "text");

	private final JdbcClient client;

	private final JdbcTemplate jdbc;

	private final NotificationProperties properties;

	private final PendingWrites writes;

	Notices(JdbcClient client, JdbcTemplate jdbc, NotificationProperties properties, PendingWrites writes) {
		this.client = client;
		this.writes = writes;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	void toDepartment(DepartmentId department, NoticeKind kind, CaseId caseId, UUID subject, Instant at) {
		post(Notice.toDepartment(department, kind, caseId, subject, at));
	}

	void toGrid(UUID grid, NoticeKind kind, CaseId caseId, UUID subject, Instant at) {
		post(Notice.toGrid(grid, kind, caseId, subject, at));
	}

	void toRegion(RegionCode region, Set<Role> roles, NoticeKind kind, CaseId caseId, UUID subject, Instant at) {
		post(Notice.toRegion(region, roles, kind, caseId, subject, at));
	}

	/** Several notices (a page of the deadline sweep's reminders) in multi-row inserts. */
	void post(List<Notice> notices) {
		if (notices.size() == 1) {
			post(notices.get(0));
		}
		else if (!notices.isEmpty()) {
			MultiRowInsert.insert(jdbc, INTO, TYPES, notices.stream().map(Notice::row).toList());
		}
	}

	/** A webhook delivery, once per event: nothing when no webhook is configured. */
	void deliver(NoticeKind kind, CaseId caseId, Instant eventAt) {
		if (!properties.webhook()) {
			return;
		}
		client.sql("""
				insert into notification_outbox (id, once_key, kind, case_id, created_at, state, attempts, next_attempt_at,
				version) values (:id, :key, :kind, :caseId, :at, 'PENDING', 0, :at, 0) on conflict do nothing""")
			.param("id", UUID.randomUUID())
			.param("key", kind.name() + ":" + caseId + ":" + eventAt.toEpochMilli())
			.param("kind", kind.name())
			.param("caseId", caseId.id())
			.param("at", Timestamp.from(eventAt))
			.update();
	}

	/** One notice, with the transaction's other writes when it queues them (decision cases-29). */
	private void post(Notice notice) {
		writes.write(INSERT, notice.row());
	}

	/**
	 * One in-app notice: to a department, a grid, or the staff of a region with given roles. Stored with its
	 * addressee (the department's or grid's id, or the region's code) in one indexed column, so that a notice costs
	 * one index entry for its readers instead of one in each of three indexes (decision supervision-07).
	 */
	record Notice(String audience, UUID department, UUID grid, String region, String roles, NoticeKind kind,
			CaseId caseId, UUID subject, Instant at) {

		static Notice toDepartment(DepartmentId department, NoticeKind kind, CaseId caseId, UUID subject, Instant at) {
			return new Notice("DEPARTMENT", department.id(), null, null, null, kind, caseId, subject, at);
		}

		static Notice toGrid(UUID grid, NoticeKind kind, CaseId caseId, UUID subject, Instant at) {
			return new Notice("GRID", null, grid, null, null, kind, caseId, subject, at);
		}

		static Notice toRegion(RegionCode region, Set<Role> roles, NoticeKind kind, CaseId caseId, UUID subject,
				Instant at) {
			return new Notice("REGION", null, null, region.value(),
					roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")), kind, caseId, subject, at);
		}

		private Object[] row() {
			return new Object[] { UUID.randomUUID(), audience, department, grid, region, roles, kind.name(),
					caseId == null ? null : caseId.id(), subject, Timestamp.from(at), addressee() };
		}

		/** What {@link NotificationManagement} looks a notice up by: the department, the grid or the region. */
		String addressee() {
			return department != null ? department.toString() : grid != null ? grid.toString() : region;
		}

	}

}
