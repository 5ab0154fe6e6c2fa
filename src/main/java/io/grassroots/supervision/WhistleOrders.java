package io.grassroots.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.UUID;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.Departments;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 吹哨报到: the street (a dispatcher or supervisor) calls several departments at once to a place for joint
 * enforcement; each called department reports in once, and a report-in after the limit is flagged late. The whistle
 * and every report-in go into the whistle's history stream ({@code whistle/<id>}).
 */
@Service
@Transactional
public class WhistleOrders {

	private final JdbcClient jdbc;

	private final Departments departments;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final SupervisionProperties properties;

	private final Clock clock;

	WhistleOrders(JdbcClient jdbc, Departments departments, AuditTrail audit, ApplicationEventPublisher events,
			SupervisionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.departments = departments;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	public WhistleId whistle(Actor actor, WhistleRequest request) {
		if (!actor.hasAny(Role.SUPERVISOR, Role.DISPATCHER) || actor.scope().kind() != DataScope.Kind.REGION) {
			throw new ForbiddenException("supervision.forbidden.whistle");
		}
		if (request == null) {
			throw InvalidInputException.of("title", "supervision.input.required", "title");
		}
		var title = Text.required("title", request.title(), 100);
		var description = Text.optional("description", request.description(), 1000);
		var address = Text.optional("address", request.address(), 200);
		var region = region(actor, request.region());
		var called = new LinkedHashSet<DepartmentId>(request.departments() == null ? java.util.List.of()
				: request.departments().stream().filter(java.util.Objects::nonNull).toList());
		if (called.isEmpty()) {
			throw InvalidInputException.of("departments", "supervision.whistle.noDepartments");
		}
		var minutes = request.minutes() == null ? (int) properties.whistleReportIn().toMinutes() : request.minutes();
		if (minutes < 1 || minutes > 1440) {
			throw InvalidInputException.of("minutes", "supervision.whistle.badMinutes");
		}
		called.forEach(d -> departments.get(d, actor.scope()));
		var id = WhistleId.random();
		var now = clock.instant();
		var reportBy = now.plus(Duration.ofMinutes(minutes));
		jdbc.sql("""
				insert into supervision_whistle (id, title, description, region, address, called_at, report_by, called_by,
				called_by_name) values (:id, :title, :description, :region, :address, :at, :by, :actor, :actorName)""")
			.param("id", id.id()).param("title", title).param("description", description == null ? "" : description)
			.param("region", region.value()).param("address", address).param("at", Timestamp.from(now))
			.param("by", Timestamp.from(reportBy)).param("actor", actor.id().toString())
			.param("actorName", actor.displayName())
			.update();
		called.forEach(d -> jdbc.sql("insert into supervision_whistle_call (whistle_id, department) values (:w, :d)")
			.param("w", id.id()).param("d", d.id()).update());
		audit.record(new AuditRecord("whistle/" + id, "whistle.called", actor.id().toString(), actor.displayName(),
				SupervisionLedger.details("title", title, "region", region, "departments",
						called.stream().map(DepartmentId::toString).toList(), "reportBy", reportBy)), now);
		events.publishEvent(new WhistleCalled(id, title, region, java.util.List.copyOf(called), reportBy, now));
		return id;
	}

	/** 报到: a department called by the whistle reports in, once. */
	public void reportIn(Actor actor, WhistleId id, String note) {
		var text = Text.optional("note", note, 500);
		var reportBy = jdbc.sql("select report_by from supervision_whistle where id = :id")
			.param("id", id.id())
			.query(Timestamp.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("supervision.whistle.notFound", id))
			.toInstant();
		if (!actor.has(Role.DEPARTMENT_HANDLER) || actor.scope().kind() != DataScope.Kind.DEPARTMENT) {
			throw new ForbiddenException("problem.outsideScope");
		}
		var department = new DepartmentId(actor.scope().department());
		var now = clock.instant();
		var changed = jdbc.sql("""
				update supervision_whistle_call set reported_at = :at, reported_by_name = :name, note = :note
				where whistle_id = :id and department = :department and reported_at is null""")
			.param("at", Timestamp.from(now)).param("name", actor.displayName()).param("note", text)
			.param("id", id.id()).param("department", department.id())
			.update();
		if (changed == 0) {
			var called = jdbc.sql("select count(*) from supervision_whistle_call where whistle_id = :id and department = :d")
				.param("id", id.id()).param("d", department.id()).query(Long.class).single() > 0;
			throw called ? new ConflictException("supervision.whistle.alreadyReported")
					: new ForbiddenException("supervision.whistle.notCalled");
		}
		var late = now.isAfter(reportBy);
		audit.record(new AuditRecord("whistle/" + id, "whistle.reportedIn", actor.id().toString(), actor.displayName(),
				SupervisionLedger.details("department", department, "late", late, "note", text)), now);
		events.publishEvent(new ReportedIn(id, department, late, now));
	}

	private static RegionCode region(Actor actor, String requested) {
		if (requested == null || requested.isBlank()) {
			return actor.scope().region();
		}
		if (!RegionCode.isValid(requested.strip())) {
			throw InvalidInputException.of("region", "supervision.whistle.badRegion");
		}
		var region = RegionCode.of(requested.strip());
		if (!actor.scope().coversRegion(region)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return region;
	}


}
