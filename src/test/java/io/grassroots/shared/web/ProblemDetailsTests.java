package io.grassroots.shared.web;

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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad requests to the REST API get RFC 9457 problem details that say what is wrong and where, never a 500; console
 * pages get the error page, htmx requests an error fragment.
 */
@IntegrationTest
class ProblemDetailsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	TestAccounts accounts;

	TestAccount admin;

	@BeforeEach
	void openAdministrator() {
		accounts = TestAccounts.in(context);
		admin = accounts.open("problem-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
	}

	@Test
	void malformedJsonSaysWhereItBreaks() throws Exception {
		problem(json(post("/api/accounts"), "{\"username\": \"x\", "), 400)
			.andExpect(jsonPath("$.detail", containsString("JSON 格式错误")));
	}

	@Test
	void aValueOfTheWrongTypeNamesItsField() throws Exception {
		problem(json(post("/api/accounts"), """
				{"username": "typed-user", "displayName": "x", "password": "Strong-Pass-2026", "roles": ["KING"],
				 "scopeKind": "REGION", "scopeReference": "652301001000"}"""), 400)
			.andExpect(jsonPath("$.errors[0].where").value("roles[0]"));
		problem(json(put("/api/accounts/" + admin.id()), """
				{"displayName": "x", "roles": ["ADMINISTRATOR"], "scopeKind": "REGION",
				 "scopeReference": "000000000000", "version": "latest"}"""), 400)
			.andExpect(jsonPath("$.errors[0].where").value("version"));
	}

	@Test
	void missingFieldsAreAllListed() throws Exception {
		problem(json(post("/api/accounts"), "{}"), 400).andExpect(jsonPath("$.errors.length()").value(6));
	}

	@Test
	void unknownAndMalformedIdsAreNotFoundAndBadRequests() throws Exception {
		problem(authorized(get("/api/accounts/" + UUID.randomUUID())), 404);
		problem(authorized(get("/api/accounts/not-a-uuid")), 400).andExpect(jsonPath("$.errors[0].where").value("id"));
		problem(authorized(get("/api/departments/" + UUID.randomUUID())), 404);
		problem(authorized(delete("/api/accounts/" + admin.id() + "/tokens/" + UUID.randomUUID())), 404);
	}

	@Test
	void unknownPathsAndMethodsUnderTheApiAreProblems() throws Exception {
		problem(authorized(get("/api/nothing-here")), 404);
		problem(authorized(delete("/api/regions")), 405);
		problem(authorized(post("/api/accounts").contentType(MediaType.TEXT_PLAIN).content("hello")), 415);
		problem(mvc.perform(get("/api/nothing-here")), 401);
	}

	@Test
	void scriptAndSqlPayloadsAreRefusedOrStoredAsText() throws Exception {
		problem(json(post("/api/accounts"), """
				{"username": "<script>alert(1)</script>", "displayName": "x'); drop table identity_account; --",
				 "password": "Strong-Pass-2026", "roles": ["DISPATCHER"], "scopeKind": "REGION",
				 "scopeReference": "652301001000' or '1'='1"}"""), 400)
			.andExpect(jsonPath("$.errors[0].where").value("username"));
		authorized(get("/api/regions").param("q", "%' or 1=1 --")).andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void consolePagesShowTheErrorPageAndHtmxGetsAFragment() throws Exception {
		mvc.perform(get("/regions/652301001999").with(accounts.console(admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("<html")))
			.andExpect(content().string(containsString("找不到区划 652301001999")));
		mvc.perform(get("/regions/not-a-code").with(accounts.console(admin)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("参数 code 的值不对")));
		mvc.perform(get("/regions/652301001999/children").with(accounts.console(admin)).header("HX-Request", "true"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("alert-danger")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<html"))));
		mvc.perform(get("/no/such/page").with(accounts.console(admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("您要找的页面或数据不存在")));
	}

	private ResultActions problem(ResultActions result, int status) throws Exception {
		return result.andExpect(status().is(status))
			.andExpect(status().is(lessThan(500)))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.title").isNotEmpty());
	}

	private ResultActions json(MockHttpServletRequestBuilder request, String body) throws Exception {
		return authorized(request.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private ResultActions authorized(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.header("Authorization", admin.bearer()));
	}

}
