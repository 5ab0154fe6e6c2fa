package io.grassroots.supervision;

import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.grassroots.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision over the API: supervisors act only within their scope, departments see and answer only their own
 * orders, whistles are reported in once; bad input of every kind is a problem detail and changes nothing.
 */
@IntegrationTest
class SupervisionApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	SupervisionTesting testing;

	@Autowired
	JdbcClient jdbc;

	TestAccount supervisor;

	TestAccount elsewhere;

	TestAccount dispatcher;

	TestAccount market;

	TestAccount water;

	@BeforeEach
	void openAccounts() {
		var accounts = TestAccounts.in(context);
		supervisor = accounts.open("sup", Role.SUPERVISOR, DataScope.Kind.REGION, "652301000000");
		elsewhere = accounts.open("sup-fukang", Role.SUPERVISOR, DataScope.Kind.REGION, "652302000000");
		dispatcher = accounts.open("disp", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		market = accounts.open("market", Role.DEPARTMENT_HANDLER, DataScope.Kind.DEPARTMENT, testing.market().id().toString());
		water = accounts.open("housing", Role.DEPARTMENT_HANDLER, DataScope.Kind.DEPARTMENT, testing.housing().id().toString());
	}

	@Test
	void supervisorsRemindAndSuperviseOnlyWithinTheirScope() throws Exception {
		var order = testing.dispatched("范围内督办");
		as(elsewhere, post("/api/supervision/cases/" + order.id() + "/reminders"), "{}").andExpect(status().isForbidden());
		as(dispatcher, post("/api/supervision/cases/" + order.id() + "/orders"), "{}").andExpect(status().isForbidden());
		assertThat(testing.count("supervision_reminder", order.id()) + testing.count("supervision_order", order.id())).isZero();

		as(supervisor, post("/api/supervision/cases/" + order.id() + "/reminders"), "{\"note\": \"请尽快接单\"}")
			.andExpect(status().isCreated());
		var made = as(supervisor, post("/api/supervision/cases/" + order.id() + "/orders"), "{\"workingDays\": 2}")
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		as(supervisor, post("/api/supervision/cases/" + order.id() + "/orders"), "{}").andExpect(status().isConflict());
		var orderId = made.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

		mvc.perform(get("/api/supervision/department").header("Authorization", water.bearer()))
			.andExpect(jsonPath("$.orders[*].id").value(org.hamcrest.Matchers.not(hasItem(orderId))));
		as(water, post("/api/supervision/orders/" + orderId + "/answer"), "{\"answer\": \"不是我们的\"}").andExpect(status().isForbidden());
		mvc.perform(get("/api/supervision/department").header("Authorization", market.bearer()))
			.andExpect(jsonPath("$.orders[*].id", hasItem(orderId)));
		as(market, post("/api/supervision/orders/" + orderId + "/answer"), "{\"answer\": \"已安排人员\"}").andExpect(status().isNoContent());
		as(market, post("/api/supervision/orders/" + orderId + "/answer"), "{\"answer\": \"再次反馈\"}").andExpect(status().isConflict());
	}

	@Test
	void onlySupervisorsCardAndOnlyDepartmentsTheySee() throws Exception {
		var department = testing.market().id();
		as(dispatcher, post("/api/supervision/cards"), "{\"department\": \"" + department + "\", \"kind\": \"YELLOW_CARD\", \"note\": \"x\"}")
			.andExpect(status().isForbidden());
		as(elsewhere, post("/api/supervision/cards"), "{\"department\": \"" + department + "\", \"kind\": \"YELLOW_CARD\", \"note\": \"x\"}")
			.andExpect(status().isForbidden());
		as(supervisor, post("/api/supervision/cards"), "{\"department\": \"" + department + "\", \"kind\": \"YELLOW_CARD\", \"note\": \"多次超期\"}")
			.andExpect(status().isCreated());
		mvc.perform(get("/api/supervision/department").header("Authorization", water.bearer()))
			.andExpect(jsonPath("$.cards[*].note").value(org.hamcrest.Matchers.not(hasItem("多次超期"))));
		mvc.perform(get("/api/supervision/board").header("Authorization", market.bearer())).andExpect(status().isForbidden());
	}

	@Test
	void aWhistleCallsDepartmentsThatReportInOnce() throws Exception {
		var body = "{\"title\": \"夜间工地噪声联合执法\", \"departments\": [\"" + testing.market().id() + "\", \""
				+ testing.housing().id() + "\"], \"minutes\": 30}";
		var made = as(dispatcher, post("/api/supervision/whistles"), body).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		var whistle = made.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		as(market, post("/api/supervision/whistles/" + whistle + "/report-in"), "{\"note\": \"已到场\"}").andExpect(status().isNoContent());
		as(market, post("/api/supervision/whistles/" + whistle + "/report-in"), "{}").andExpect(status().isConflict());
		mvc.perform(get("/api/supervision/board").header("Authorization", supervisor.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.whistles[?(@.id == '" + whistle + "')].calls[?(@.reportedAt != null)].department")
				.value(hasItem(testing.market().name())))
			.andExpect(jsonPath("$.whistles[?(@.id == '" + whistle + "')].calls[?(@.reportedAt == null)].department")
				.value(hasItem(testing.housing().name())));
	}

	@Test
	void aReportInAfterTheLimitIsFlaggedLate() throws Exception {
		var body = "{\"title\": \"迟到报到\", \"departments\": [\"" + testing.market().id() + "\", \""
				+ testing.housing().id() + "\"], \"minutes\": 30}";
		var whistle = as(dispatcher, post("/api/supervision/whistles"), body).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		jdbc.sql("update supervision_whistle set report_by = :past where id = :id")
			.param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
			.param("id", UUID.fromString(whistle)).update();
		as(market, post("/api/supervision/whistles/" + whistle + "/report-in"), "{}").andExpect(status().isNoContent());
		mvc.perform(get("/api/supervision/department").header("Authorization", market.bearer()))
			.andExpect(jsonPath("$.whistles[?(@.id == '" + whistle + "')].calls[0].late").value(hasItem(true)))
			.andExpect(jsonPath("$.whistles[?(@.id == '" + whistle + "')].calls.length()").value(hasItem(1)));
		mvc.perform(get("/api/supervision/board").header("Authorization", supervisor.bearer()))
			.andExpect(jsonPath("$.whistles[?(@.id == '" + whistle + "')].calls[?(@.reportedAt == null)].late")
				.value(hasItem(true)));
	}

	@Test
	void badInputIsAProblemAndChangesNothing() throws Exception {
		var order = testing.dispatched("错误输入");
		var path = "/api/supervision/cases/" + order.id();
		problem(as(supervisor, post(path + "/orders"), "{\"workingDays\": "), 400);
		problem(as(supervisor, post(path + "/orders"), "{\"workingDays\": \"abc\"}"), 400)
			.andExpect(jsonPath("$.errors[0].where").value("workingDays"));
		problem(as(supervisor, post(path + "/orders"), "{\"workingDays\": 0}"), 400);
		problem(as(supervisor, post(path + "/reminders"), "{\"note\": \"" + "长".repeat(501) + "\"}"), 400);
		problem(as(supervisor, post("/api/supervision/cases/" + UUID.randomUUID() + "/reminders"), "{}"), 404);
		problem(as(supervisor, post("/api/supervision/cases/not-a-case/reminders"), "{}"), 400);
		problem(as(supervisor, post("/api/supervision/cards"), "{\"department\": \"" + UUID.randomUUID()
				+ "\", \"kind\": \"YELLOW_CARD\", \"note\": \"x\"}"), 404);
		problem(as(supervisor, post("/api/supervision/cards"), "{\"department\": \"" + testing.market().id()
				+ "\", \"kind\": \"GREEN_CARD\", \"note\": \"x\"}"), 400).andExpect(jsonPath("$.errors[0].where").value("kind"));
		problem(as(supervisor, post("/api/supervision/cards"), "{\"department\": \"" + testing.market().id()
				+ "\", \"kind\": \"RED_CARD\"}"), 400);
		problem(as(dispatcher, post("/api/supervision/whistles"), "{\"title\": \"无人召集\", \"departments\": []}"), 400)
			.andExpect(jsonPath("$.errors[0].where").value("departments"));
		problem(as(dispatcher, post("/api/supervision/whistles"), "{\"title\": \"x\", \"departments\": [\""
				+ testing.market().id() + "\"], \"minutes\": 0}"), 400);
		problem(as(dispatcher, post("/api/supervision/whistles"), "{\"departments\": [\"" + testing.market().id() + "\"]}"), 400);
		problem(as(market, post("/api/supervision/whistles/" + UUID.randomUUID() + "/report-in"), "{}"), 404);
		problem(as(market, post("/api/supervision/orders/" + UUID.randomUUID() + "/answer"), "{\"answer\": \"x\"}"), 404);
		assertThat(testing.count("supervision_order", order.id()) + testing.count("supervision_reminder", order.id())).isZero();
	}

	private ResultActions as(TestAccount account, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String body) throws Exception {
		return mvc.perform(request.header("Authorization", account.bearer()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions problem(ResultActions result, int status) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(status().is(lessThan(500)))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").isNotEmpty());
	}

}
