package io.grassroots.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.grassroots.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console pages of supervision, evaluation and notifications: the board with its lit cases and forms, the
 * department's view, the callbacks page, the notices and the bell; forms answer with a redirect and a notice, bad
 * forms with the error fragment; each page only for its roles.
 */
@IntegrationTest
class SupervisionConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	SupervisionTesting testing;

	@Autowired
	JdbcClient jdbc;

	TestAccounts accounts;

	TestAccount supervisor;

	TestAccount market;

	@BeforeEach
	void openAccounts() {
		accounts = TestAccounts.in(context);
		supervisor = accounts.open("console-sup", Role.SUPERVISOR, DataScope.Kind.REGION, "652301000000");
		market = accounts.open("console-market", Role.DEPARTMENT_HANDLER, DataScope.Kind.DEPARTMENT,
				testing.market().id().toString());
	}

	@Test
	void theBoardShowsItsSectionsAndTheSupervisorsForms() throws Exception {
		mvc.perform(get("/supervision").with(accounts.console(supervisor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("督办看板")))
			.andExpect(content().string(containsString("id=\"whistle-form\"")))
			.andExpect(content().string(containsString("id=\"card-form\"")));
		mvc.perform(get("/supervision").with(accounts.console(market))).andExpect(status().isForbidden());
	}

	@Test
	void aReminderFromTheBoardRedirectsWithANoticeAndABadFormSaysWhy() throws Exception {
		var order = testing.dispatched("看板催办");
		mvc.perform(post("/supervision/cases/" + order.id() + "/reminders").param("note", "请接单")
			.with(accounts.console(supervisor)).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/supervision"));
		mvc.perform(post("/supervision/cases/" + order.id() + "/orders").param("workingDays", "many")
			.with(accounts.console(supervisor)).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("workingDays")));
		mvc.perform(post("/supervision/cases/" + order.id() + "/orders").param("workingDays", "2")
			.with(accounts.console(supervisor)).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Redirect", "/supervision"));
	}

	@Test
	void aDepartmentSeesItsOpenOrdersBeforeAnyNumberOfNewerClosedOnes() throws Exception {
		var order = testing.dispatched("督办单排序");
		var department = testing.market().id().id();
		var now = Instant.now();
		for (int i = 0; i < SupervisionQueries.ROWS + 5; i++) {
			insertOrder(order.id().id(), department, "EXPIRED", "已过期的督办 " + i, now.plus(Duration.ofDays(1)));
		}
		insertOrder(order.id().id(), department, "OPEN", "仍待答复的督办", now.minus(Duration.ofDays(30)));

		mvc.perform(get("/supervision/department").with(accounts.console(market)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("仍待答复的督办")));
	}

	private void insertOrder(UUID caseId, UUID department, String state, String note, Instant issuedAt) {
		jdbc.sql("""
				insert into supervision_order (id, case_id, department, region, due_at, state, automatic, note,
				    issued_at, issued_by, issued_by_name, version)
				values (:id, :case, :department, '652301000000', :due, :state, false, :note, :issued, 'test', '测试', 0)""")
			.param("id", UUID.randomUUID()).param("case", caseId).param("department", department)
			.param("due", Timestamp.from(issuedAt.plus(Duration.ofDays(2)))).param("state", state).param("note", note)
			.param("issued", Timestamp.from(issuedAt)).update();
	}

	@Test
	void aDepartmentSeesItsOwnViewTheCallbacksPageIsTheStreetsAndEveryoneHasNotices() throws Exception {
		mvc.perform(get("/supervision/department").with(accounts.console(market)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(testing.market().name())));
		mvc.perform(get("/supervision/department").with(accounts.console(supervisor))).andExpect(status().isForbidden());
		mvc.perform(get("/evaluation").with(accounts.console(supervisor))).andExpect(status().isOk())
			.andExpect(content().string(containsString("回访与部门评价")));
		mvc.perform(get("/evaluation/indicators").param("by", "DEPARTMENT").with(accounts.console(supervisor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"indicator-formulas\"")))
			.andExpect(content().string(containsString("响应率 = 按时接单数")));
		mvc.perform(get("/evaluation/indicators").param("month", "November").with(accounts.console(supervisor)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/evaluation/indicators").param("by", "PLANET").header("Authorization", supervisor.bearer()))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/notifications").with(accounts.console(market))).andExpect(status().isOk())
			.andExpect(content().string(containsString("我的通知")));
		mvc.perform(get("/notifications/badge").with(accounts.console(market)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("通知")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
		mvc.perform(get("/notifications/badge").with(accounts.console(market))).andExpect(status().isNotFound());
	}

}
