package io.grassroots.supervision;

import java.time.Clock;
import java.util.UUID;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.calendar.WorkCalendars;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.CaseSummary;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.Departments;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision by hand: a supervisor reminds, issues a supervision order with a deadline, or cards a department, each
 * within the supervisor's scope; a department answers the orders addressed to it. Whistle orders are
 * {@link WhistleOrders}. Everything is written with its history entry and event in one transaction.
 */
@Service
@Transactional
public class SupervisionManagement {

	private final SupervisionLedger ledger;

	private final CaseQueries cases;

	private final Departments departments;

	private final WorkCalendars calendars;

	private final SupervisionProperties properties;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SupervisionManagement(SupervisionLedger ledger, CaseQueries cases, Departments departments, WorkCalendars calendars,
			SupervisionProperties properties, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.ledger = ledger;
		this.cases = cases;
		this.departments = departments;
		this.calendars = calendars;
		this.properties = properties;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** 催办 by hand: to the lead department of an order, otherwise to the staff of the case's place. */
	public ReminderId remind(Actor actor, CaseId caseId, String note) {
		var text = Text.optional("note", note, 500);
		var subject = openCase(supervisor(actor), caseId);
		var department = departmentOf(subject);
		var id = ReminderId.random();
		var step = subject.deadline() == null ? null : subject.deadline().step();
		ledger.remind(new Issue.Reminder(id, new Issue.About(caseId, step, null), null,
				department == null ? Audience.REGION : Audience.DEPARTMENT, department, subject.region(), subject.grid(),
				false, text, actor, clock.instant()));
		return id;
	}

	/** 督办单 by hand, for the case's current deadline; {@code workingDays} empty uses the configured limit. */
	public SupervisionOrderId supervise(Actor actor, CaseId caseId, Integer workingDays, String note) {
		var text = Text.optional("note", note, 500);
		if (workingDays != null && (workingDays < 1 || workingDays > 30)) {
			throw InvalidInputException.of("workingDays", "supervision.order.badLimit");
		}
		var subject = openCase(supervisor(actor), caseId);
		var department = departmentOf(subject);
		if (department == null) {
			throw new RuleViolationException("supervision.order.noDepartment");
		}
		var now = clock.instant();
		var limit = workingDays == null ? properties.orderTimeLimit() : TimeLimit.workingDays(workingDays);
		var due = calendars.of(subject.region()).deadline(now, limit);
		var id = SupervisionOrderId.random();
		var about = about(subject, subject.deadline() == null ? null : subject.deadline().step());
		if (!ledger.order(new Issue.Order(id, about, department, subject.region(), due, false, text, actor, now))) {
			throw new ConflictException("supervision.order.exists");
		}
		ledger.timer(new Issue.Timer(UUID.randomUUID(), Issue.TimerKind.ORDER_EXPIRY, about, department,
				subject.region(), id, due, "order:" + id));
		return id;
	}

	/** A yellow or red card by hand, against a department the supervisor's scope sees, optionally about a case. */
	public CardId card(Actor actor, DepartmentId department, CardKind kind, CaseId caseId, String note) {
		supervisor(actor);
		var text = Text.required("note", note, 500);
		if (department == null || kind == null) {
			throw InvalidInputException.of(department == null ? "department" : "kind", "supervision.input.required",
					department == null ? "department" : "kind");
		}
		var target = departments.get(department, actor.scope());
		var region = caseId == null ? target.region() : cases.summary(actor, caseId).region();
		var id = CardId.random();
		ledger.card(new Issue.Card(id, kind, CardReason.MANUAL, department, region, caseId, null, text, null, actor,
				clock.instant()));
		return id;
	}

	/** 督办反馈: the department answers an order addressed to it. */
	public void answer(Actor actor, SupervisionOrderId id, String answer) {
		var text = Text.required("answer", answer, 1000);
		var order = jdbc.sql("select case_id, department, due_at from supervision_order where id = :id")
			.param("id", id.id())
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getTimestamp(3).toInstant() })
			.optional()
			.orElseThrow(() -> new NotFoundException("supervision.order.notFound", id));
		if (!actor.has(Role.DEPARTMENT_HANDLER) || actor.scope().kind() != DataScope.Kind.DEPARTMENT
				|| !actor.scope().department().equals(order[1])) {
			throw new ForbiddenException("problem.outsideScope");
		}
		var now = clock.instant();
		if (!ledger.close(id, OrderState.ANSWERED, text, actor, now)) {
			throw new ConflictException("supervision.order.notOpen");
		}
		events.publishEvent(new SupervisionOrderAnswered(id, new CaseId((UUID) order[0]), new DepartmentId((UUID) order[1]),
				now.isAfter((java.time.Instant) order[2]), now));
	}

	static Actor supervisor(Actor actor) {
		if (!actor.has(Role.SUPERVISOR) || actor.scope().kind() != DataScope.Kind.REGION) {
			throw new ForbiddenException("supervision.forbidden.supervisor");
		}
		return actor;
	}

	private CaseSummary openCase(Actor actor, CaseId caseId) {
		if (caseId == null) {
			throw InvalidInputException.of("case", "supervision.input.required", "case");
		}
		var subject = cases.summary(actor, caseId);
		if (!subject.status().isOpen()) {
			throw new RuleViolationException("supervision.caseNotOpen");
		}
		return subject;
	}

	private static DepartmentId departmentOf(CaseSummary subject) {
		return subject.leadDepartment() != null
				&& (subject.status() == CaseStatus.DISPATCHED || subject.status() == CaseStatus.IN_PROGRESS)
						? subject.leadDepartment() : null;
	}

	private static Issue.About about(CaseSummary subject, io.grassroots.cases.Step step) {
		var deadline = subject.deadline();
		return new Issue.About(subject.id(), step, step == null || deadline == null ? null : deadline.dueAt());
	}

}
