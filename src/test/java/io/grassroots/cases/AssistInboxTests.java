package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.cases.web.Queue;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentKind;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A department's inbox reads the cases it assists on from the assist rows' copy of the case's state and deadline
 * (cases_assist_queue): after every transition the case is in the tab of its state, and the copy agrees with the case.
 */
@IntegrationTest
class AssistInboxTests {

	private static final List<Queue> INBOX = List.of(Queue.DISPATCHED_QUEUE, Queue.IN_PROGRESS_QUEUE,
			Queue.PARKED_QUEUE, Queue.TO_VERIFY, Queue.CLOSED_QUEUE);

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTesting testing;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAssistedCaseIsInTheAssistantsInboxTabOfItsStateAfterEveryTransition() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var ecology = testing.department(DepartmentKind.ECOLOGY_ENVIRONMENT);
		var lead = CaseTesting.handlerOf(market);
		var assistant = CaseTesting.handlerOf(ecology);
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		c = cases.file(dispatcher, c.id(), c.version(), new CategoryKey("CJT214", "E0109"), Urgency.NORMAL, false, null);
		assertThat(tabs(assistant, c)).isEmpty();
		assertThat(assisted(c)).isFalse();

		c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(ecology.id()), "油烟扰民");
		assertThat(assisted(c)).isTrue();
		inTab(assistant, c, Queue.DISPATCHED_QUEUE);
		c = cases.claim(lead, c.id(), c.version());
		inTab(assistant, c, Queue.IN_PROGRESS_QUEUE);
		c = cases.requestExtension(lead, c.id(), c.version(), TimeLimit.workingDays(3), "需要联合执法");
		inTab(assistant, c, Queue.IN_PROGRESS_QUEUE);
		var due = c.deadline().dueAt();
		c = cases.decideExtension(dispatcher, c.id(), c.version(), true, null);
		assertThat(c.deadline().dueAt()).isAfter(due);
		inTab(assistant, c, Queue.IN_PROGRESS_QUEUE);
		c = cases.park(dispatcher, c.id(), c.version(), "待拆迁规划");
		inTab(assistant, c, Queue.PARKED_QUEUE);
		c = cases.restore(dispatcher, c.id(), c.version(), null);
		inTab(assistant, c, Queue.IN_PROGRESS_QUEUE);
		c = cases.reportAssist(assistant, c.id(), c.version(), "油烟检测达标", List.of());
		inTab(assistant, c, Queue.IN_PROGRESS_QUEUE);
		c = cases.reportBack(lead, c.id(), c.version(), "已整改", List.of());
		inTab(assistant, c, Queue.TO_VERIFY);
		c = cases.verify(dispatcher, c.id(), c.version(), false, "仍有油烟", List.of());
		inTab(assistant, c, Queue.IN_PROGRESS_QUEUE);
		c = cases.reportBack(lead, c.id(), c.version(), "已加装净化器", List.of());
		inTab(assistant, c, Queue.TO_VERIFY);
		c = cases.verify(dispatcher, c.id(), c.version(), true, null, List.of());
		inTab(assistant, c, Queue.CLOSED_QUEUE);
		c = cases.evaluateByResident(c.trackingCode(), Rating.DISSATISFIED, false, "还是有味");
		assertThat(c.status()).isEqualTo(CaseStatus.EVALUATED);
		inTab(assistant, c, Queue.CLOSED_QUEUE);

		var supervisor = CaseTesting.withScope(Role.SUPERVISOR, DataScope.region(CaseTesting.CHANGJI));
		c = cases.reopen(supervisor, c.id(), c.version(), "群众不满意，重新办理");
		assertThat(tabs(assistant, c)).isEmpty();
		copyAgrees(c);
		c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(ecology.id()), "重新办理");
		inTab(assistant, c, Queue.DISPATCHED_QUEUE);
	}

	@Test
	void aReturnedOrderLeavesTheOldAssistantsInboxAndARedispatchBringsTheNewOnes() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var ecology = testing.department(DepartmentKind.ECOLOGY_ENVIRONMENT);
		var urban = testing.department(DepartmentKind.URBAN_MANAGEMENT);
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		c = cases.file(dispatcher, c.id(), c.version(), new CategoryKey("CJT214", "E0109"), Urgency.NORMAL, false, null);
		c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(ecology.id()), null);
		inTab(CaseTesting.handlerOf(ecology), c, Queue.DISPATCHED_QUEUE);
		c = cases.returnOrder(CaseTesting.handlerOf(market), c.id(), c.version(), "非本部门职责");
		assertThat(c.status()).isEqualTo(CaseStatus.FILED);
		assertThat(tabs(CaseTesting.handlerOf(ecology), c)).isEmpty();
		copyAgrees(c);
		c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(urban.id()), null);
		assertThat(tabs(CaseTesting.handlerOf(ecology), c)).isEmpty();
		inTab(CaseTesting.handlerOf(urban), c, Queue.DISPATCHED_QUEUE);
		c = cases.claim(CaseTesting.handlerOf(market), c.id(), c.version());
		inTab(CaseTesting.handlerOf(urban), c, Queue.IN_PROGRESS_QUEUE);
		// The lead does not see its own order twice (once as lead, once as a stale assistant).
		assertThat(queries.list(CaseTesting.handlerOf(market), filter(Queue.IN_PROGRESS_QUEUE, c), 200))
			.extracting(CaseRow::id).containsExactly(c.id());
	}

	@Test
	void aCaseDispatchedWithoutAssistantsIsNotMarkedAssisted() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		c = cases.file(dispatcher, c.id(), c.version(), new CategoryKey("CJT214", "E0109"), Urgency.NORMAL, false, null);
		c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(), null);
		c = cases.claim(CaseTesting.handlerOf(market), c.id(), c.version());
		assertThat(assisted(c)).isFalse();
		assertThat(jdbc.sql("select count(*) from cases_assist where case_id = :id").param("id", c.id().id())
			.query(Long.class).single()).isZero();
	}

	/** The case shows in exactly this tab of the assistant's inbox, and its assist rows' copy agrees with it. */
	private void inTab(Actor assistant, CaseSummary c, Queue tab) {
		copyAgrees(c);
		assertThat(tabs(assistant, c)).as("inbox tabs of %s in %s", c.trackingCode(), c.status()).containsExactly(tab);
		var row = queries.list(assistant, filter(tab, c), 200).get(0);
		assertThat(row.status()).isEqualTo(c.status());
		if (c.deadline() == null || c.deadline().dueAt() == null) {
			assertThat(row.dueAt()).isNull();
		}
		else { // the database keeps microseconds, rounded or cut
			assertThat(row.dueAt()).isCloseTo(c.deadline().dueAt(), within(1, ChronoUnit.MICROS));
		}
	}

	private List<Queue> tabs(Actor assistant, CaseSummary c) {
		return INBOX.stream()
			.filter(tab -> queries.list(assistant, filter(tab, c), 200).stream().anyMatch(r -> r.id().equals(c.id())))
			.toList();
	}

	private static CaseFilter filter(Queue tab, CaseSummary c) {
		var f = tab.filter();
		return new CaseFilter(f.statuses(), f.tier(), f.extensionPending(), c.trackingCode());
	}

	private void copyAgrees(CaseSummary c) {
		var rows = jdbc.sql("""
				select a.case_status, a.case_due_at, a.case_reported_at, c.status, c.due_at, c.reported_at
				from cases_assist a join cases_case c on c.id = a.case_id where a.case_id = :id""")
			.param("id", c.id().id())
			.query((rs, n) -> Map.of("copy", Arrays.asList(rs.getString(1), instant(rs.getTimestamp(2)),
					instant(rs.getTimestamp(3))), "case",
					Arrays.asList(rs.getString(4), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)))))
			.list();
		assertThat(rows).isNotEmpty();
		rows.forEach(r -> assertThat(r.get("copy")).as("assist copy of %s", c.trackingCode()).isEqualTo(r.get("case")));
		assertThat(rows.get(0).get("copy").get(0)).isEqualTo(c.status().name());
	}

	private boolean assisted(CaseSummary c) {
		return jdbc.sql("select assisted from cases_case where id = :id").param("id", c.id().id())
			.query(Boolean.class).single();
	}

	private static Object instant(Timestamp at) {
		return at == null ? "-" : at.toInstant();
	}

}
