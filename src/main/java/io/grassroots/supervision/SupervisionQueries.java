package io.grassroots.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.Step;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.Departments;
import io.grassroots.shared.ForbiddenException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads supervision for the board (supervisors and dispatchers: everything in their region scope) and for a
 * department (only its own reminders, orders, cards and whistle calls). Scope filters are index range scans on the
 * region code or lookups by department.
 */
@Service
@Transactional(readOnly = true)
public class SupervisionQueries {

	static final int ROWS = 50;

	private final JdbcClient jdbc;

	private final CaseQueries cases;

	private final Departments departments;

	private final List<ReopenCandidates> reopenable;

	private final Clock clock;

	SupervisionQueries(JdbcClient jdbc, CaseQueries cases, Departments departments, List<ReopenCandidates> reopenable,
			Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.departments = departments;
		this.reopenable = reopenable;
		this.clock = clock;
	}

	public SupervisionRows.Board board(Actor actor) {
		if (!actor.hasAny(Role.SUPERVISOR, Role.DISPATCHER) || actor.scope().kind() != DataScope.Kind.REGION) {
			throw new ForbiddenException("supervision.forbidden.board");
		}
		var names = new HashMap<UUID, String>();
		var scope = Map.<String, Object>of("from", actor.scope().region().subtreeFrom(), "to",
				actor.scope().region().subtreeTo());
		var inScope = " region >= :from and region < :to ";
		return new SupervisionRows.Board(cases.lit(actor, 100),
				orders("where state = 'OPEN' and" + inScope, scope, names),
				cards("where" + inScope, scope, names), whistles("where" + inScope, scope, names, null),
				actor.has(Role.SUPERVISOR) ? reopenable.stream().flatMap(r -> r.reopenable(actor, ROWS).stream()).toList()
						: List.of());
	}

	public SupervisionRows.DepartmentView department(Actor actor) {
		if (actor.scope().kind() != DataScope.Kind.DEPARTMENT) {
			throw new ForbiddenException("supervision.forbidden.department");
		}
		var department = actor.scope().department();
		var names = new HashMap<UUID, String>();
		var own = Map.<String, Object>of("department", department);
		var reminders = jdbc.sql("select * from supervision_reminder where department = :department order by sent_at desc limit "
				+ ROWS).params(own).query(SupervisionQueries::reminder).list();
		return new SupervisionRows.DepartmentView(name(department, names), reminders,
				orders("where department = :department", own, names), cards("where department = :department", own, names),
				whistles("where id in (select whistle_id from supervision_whistle_call where department = :department)",
						own, names, department));
	}

	private List<SupervisionRows.Order> orders(String where, Map<String, Object> params, Map<UUID, String> names) {
		var now = clock.instant();
		// the orders still waiting for an answer first, however many newer ones have run out or been settled
		return jdbc.sql("select * from supervision_order " + where
				+ " order by case when state = 'OPEN' then 0 else 1 end, issued_at desc limit " + ROWS)
			.params(params)
			.query((rs, n) -> new SupervisionRows.Order(new SupervisionOrderId(rs.getObject("id", UUID.class)),
					new CaseId(rs.getObject("case_id", UUID.class)), name(rs.getObject("department", UUID.class), names),
					instant(rs, "due_at"), OrderState.valueOf(rs.getString("state")), rs.getBoolean("automatic"),
					rs.getString("note"), rs.getString("answer"), instant(rs, "issued_at"), instant(rs, "answered_at"),
					"OPEN".equals(rs.getString("state")) && now.isAfter(instant(rs, "due_at"))))
			.list();
	}

	private List<SupervisionRows.Card> cards(String where, Map<String, Object> params, Map<UUID, String> names) {
		return jdbc.sql("select * from supervision_card " + where + " order by issued_at desc limit " + ROWS)
			.params(params)
			.query((rs, n) -> new SupervisionRows.Card(new CardId(rs.getObject("id", UUID.class)),
					CardKind.valueOf(rs.getString("kind")), CardReason.valueOf(rs.getString("reason")),
					name(rs.getObject("department", UUID.class), names),
					rs.getObject("case_id", UUID.class) == null ? null : new CaseId(rs.getObject("case_id", UUID.class)),
					rs.getString("note"), instant(rs, "issued_at"), rs.getString("issued_by_name")))
			.list();
	}

	private List<SupervisionRows.Whistle> whistles(String where, Map<String, Object> params, Map<UUID, String> names,
			UUID onlyDepartment) {
		var now = clock.instant();
		return jdbc.sql("select * from supervision_whistle " + where + " order by called_at desc limit 20")
			.params(params)
			.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("title"),
					rs.getString("description"), rs.getString("address"), instant(rs, "called_at"),
					instant(rs, "report_by"), rs.getString("called_by_name") })
			.list()
			.stream()
			.map(w -> new SupervisionRows.Whistle(new WhistleId((UUID) w[0]), (String) w[1], (String) w[2],
					(String) w[3], (Instant) w[4], (Instant) w[5], (String) w[6],
					calls((UUID) w[0], (Instant) w[5], now, names, onlyDepartment)))
			.toList();
	}

	private List<SupervisionRows.Call> calls(UUID whistle, Instant reportBy, Instant now, Map<UUID, String> names,
			UUID onlyDepartment) {
		return jdbc.sql("select * from supervision_whistle_call where whistle_id = :id order by reported_at, department")
			.param("id", whistle)
			.query((rs, n) -> {
				var department = rs.getObject("department", UUID.class);
				var reportedAt = instant(rs, "reported_at");
				var late = reportedAt == null ? now.isAfter(reportBy) : reportedAt.isAfter(reportBy);
				return new SupervisionRows.Call(name(department, names), department, reportedAt,
						rs.getString("reported_by_name"), rs.getString("note"), late);
			})
			.list()
			.stream()
			.filter(c -> onlyDepartment == null || c.departmentId().equals(onlyDepartment))
			.toList();
	}

	private String name(UUID department, Map<UUID, String> names) {
		return names.computeIfAbsent(department, d -> departments.find(new DepartmentId(d))
			.map(io.grassroots.region.DepartmentView::name)
			.orElse(d.toString()));
	}

	private static SupervisionRows.Reminder reminder(ResultSet rs, int n) throws SQLException {
		var step = rs.getString("step");
		return new SupervisionRows.Reminder(new ReminderId(rs.getObject("id", UUID.class)),
				new CaseId(rs.getObject("case_id", UUID.class)), step == null ? null : Step.valueOf(step),
				rs.getString("light"), rs.getBoolean("automatic"), rs.getString("note"), instant(rs, "sent_at"),
				rs.getString("sent_by_name"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
