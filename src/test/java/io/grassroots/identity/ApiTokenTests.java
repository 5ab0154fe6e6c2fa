package io.grassroots.identity;

import com.jayway.jsonpath.JsonPath;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bearer tokens for the REST API: issued with a secret shown once, used as the account, revoked for good.
 */
@IntegrationTest
class ApiTokenTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void anIssuedTokenActsAsItsAccountUntilItIsRevoked() throws Exception {
		var accounts = TestAccounts.in(context);
		var dispatcher = accounts.open("token-dispatcher", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var issued = mvc.perform(post("/api/accounts/" + dispatcher.id() + "/tokens")
			.header("Authorization", dispatcher.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"12345 热线\", \"validDays\": 30}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.expiresAt").exists())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = JsonPath.read(issued, "$.secret");
		String id = JsonPath.read(issued, "$.id");
		assertThat(secret).startsWith("grt_").hasSizeGreaterThan(40);

		mvc.perform(get("/api/accounts/me").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.username").value(dispatcher.username()));
		mvc.perform(get("/api/accounts/" + dispatcher.id() + "/tokens").header("Authorization", dispatcher.bearer()))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].name").value("12345 热线"))
			.andExpect(jsonPath("$[*].secret").doesNotExist());

		mvc.perform(delete("/api/accounts/" + dispatcher.id() + "/tokens/" + id).header("Authorization",
				dispatcher.bearer()))
			.andExpect(status().isNoContent());
		mvc.perform(get("/api/accounts/me").header("Authorization", "Bearer " + secret))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/accounts/me").header("Authorization", dispatcher.bearer())).andExpect(status().isOk());
	}

	@Test
	void onlyTheAccountItselfOrItsAdministratorIssuesTokens() throws Exception {
		var accounts = TestAccounts.in(context);
		var dispatcher = accounts.open("token-owner", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var colleague = accounts.open("token-colleague", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var admin = accounts.open("token-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "652301000000");
		var body = "{\"name\": \"不该有\"}";
		mvc.perform(post("/api/accounts/" + dispatcher.id() + "/tokens").header("Authorization", colleague.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isForbidden());
		mvc.perform(post("/api/accounts/" + dispatcher.id() + "/tokens").header("Authorization", admin.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated());
	}

	@Test
	void theApiKeepsNoSessionAndTakesNoSignInFromTheConsolesSession() throws Exception {
		var account = TestAccounts.in(context).open("token-session", Role.DISPATCHER, DataScope.Kind.REGION,
				"652301001000");
		var api = mvc.perform(get("/api/accounts/me").header("Authorization", account.bearer()))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(api.getRequest().getSession(false)).isNull();
		assertThat(api.getResponse().getHeaders("Set-Cookie")).isEmpty();

		var signedIn = (MockHttpSession) mvc
			.perform(formLogin("/login").user(account.username()).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/").session(signedIn)).andExpect(status().isOk());
		mvc.perform(get("/api/accounts/me").session(signedIn))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
	}

	@Test
	void eachDoorOpensOnlyWhatItsRulesOpen() throws Exception {
		var accounts = TestAccounts.in(context);
		var dispatcher = accounts.open("token-doors", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var admin = accounts.open("token-doors-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "652301000000");
		mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/public/cases/NOSUCHCODE")).andExpect(status().isNotFound());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/actuator/prometheus").header("Authorization", dispatcher.bearer()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		mvc.perform(get("/actuator/prometheus").header("Authorization", admin.bearer())).andExpect(status().isOk());
		mvc.perform(get("/open311/v2/services.json")).andExpect(result -> assertThat(result.getResponse().getStatus())
			.isNotIn(401, 403));
		mvc.perform(get("/api/accounts/me;jsessionid=x").header("Authorization", dispatcher.bearer()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void madeUpAndMalformedTokensAreRefused() throws Exception {
		mvc.perform(get("/api/accounts/me").header("Authorization", "Bearer grt_madeUpSecretThatWasNeverIssued0000000"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401));
		mvc.perform(get("/api/accounts/me").header("Authorization", "Bearer " + "x".repeat(5000)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aControlCharacterInAHeaderIsRefusedByTheFirewall() throws Exception {
		var account = TestAccounts.in(context).open("token-firewall", Role.DISPATCHER, DataScope.Kind.REGION,
				"652301001000");
		mvc.perform(get("/api/accounts/me").header("Authorization", account.bearer() + "\u0001"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/accounts/me").header("Authorization", account.bearer() + "\t"))
			.andExpect(status().isOk());
	}

}
