package io.grassroots.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.grassroots.cases.CaseId;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes in-app notices and webhook deliveries (one insert each), in the caller's transaction. */
@Component
class Notices {

	private final JdbcClient jdbc;

	private final NotificationProperties properties;

	Notices(JdbcClient jdbc, NotificationProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	void toDepartment(DepartmentId department, NoticeKind kind, CaseId caseId, UUID subject, Instant at) {
		insert("DEPARTMENT", department.id(), null, null, null, kind, caseId, subject, at);
	}

	void toGrid(UUID grid, NoticeKind kind, CaseId caseId, UUID subject, Instant at) {
		insert("GRID", null, grid, null, null, kind, caseId, subject, at);
	}

	void toRegion(RegionCode region, Set<Role> roles, NoticeKind kind, CaseId caseId, UUID subject, Instant at) {
		insert("REGION", null, null, region.value(), roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")),
				kind, caseId, subject, at);
	}

	/** A webhook delivery, once per event: nothing when no webhook is configured. */
	void deliver(NoticeKind kind, CaseId caseId, Instant eventAt) {
		if (!properties.webhook()) {
			return;
		}
		jdbc.sql("""
				insert into notification_outbox (id, once_key, kind, case_id, created_at, state, attempts, next_attempt_at,
				version) values (:id, :key, :kind, :caseId, :at, 'PENDING', 0, :at, 0) on conflict do nothing""")
			.param("id", UUID.randomUUID())
			.param("key", kind.name() + ":" + caseId + ":" + eventAt.toEpochMilli())
			.param("kind", kind.name())
			.param("caseId", caseId.id())
			.param("at", Timestamp.from(eventAt))
			.update();
	}

	private void insert(String audience, UUID department, UUID grid, String region, String roles, NoticeKind kind,
			CaseId caseId, UUID subject, Instant at) {
		jdbc.sql("""
				insert into notification_notice (id, audience, department, grid, region, roles, kind, case_id, subject_id,
				created_at) values (:id, :audience, :department, :grid, :region, :roles, :kind, :caseId, :subject, :at)""")
			.param("id", UUID.randomUUID())
			.param("audience", audience)
			.param("department", department)
			.param("grid", grid)
			.param("region", region)
			.param("roles", roles)
			.param("kind", kind.name())
			.param("caseId", caseId == null ? null : caseId.id())
			.param("subject", subject)
			.param("at", Timestamp.from(at))
			.update();
	}

}
