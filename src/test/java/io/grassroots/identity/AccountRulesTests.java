package io.grassroots.identity;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
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

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may open and change accounts, and how: only administrators, only inside their own scope, never granting a
 * scope beyond it, against the version they saw, with strong passwords and unique usernames.
 */
@IntegrationTest
class AccountRulesTests {

	static final String CHANGJI_CITY = "652301000000";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	TestAccounts accounts;

	TestAccount countyAdmin;

	@BeforeEach
	void openCountyAdministrator() {
		accounts = TestAccounts.in(context);
		countyAdmin = accounts.open("county-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, CHANGJI_CITY);
	}

	@Test
	void onlyAdministratorsOpenAccounts() throws Exception {
		var dispatcher = accounts.open("rules-dispatcher", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		open(dispatcher, newAccount(fresh("refused"), "Strong-Pass-2026", "652301001000"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void administratorsOpenAccountsInsideTheirScopeButGrantNothingBeyondIt() throws Exception {
		open(countyAdmin, newAccount(fresh("inside"), "Strong-Pass-2026", "652301001000"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.scope.region").value("652301001000"))
			.andExpect(jsonPath("$.scopeLabel").value("宁边路街道"));
		open(countyAdmin, newAccount(fresh("beyond"), "Strong-Pass-2026", "652302000000"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("不能授予超出您自己数据范围的范围。"));
		open(countyAdmin, newAccount(fresh("country"), "Strong-Pass-2026", "000000000000"))
			.andExpect(status().isForbidden());
	}

	@Test
	void administratorsCannotReadOrChangeAccountsBeyondTheirScope() throws Exception {
		var fukang = accounts.open("fukang-dispatcher", Role.DISPATCHER, DataScope.Kind.REGION, "652302000000");
		mvc.perform(get("/api/accounts/" + fukang.id()).header("Authorization", countyAdmin.bearer()))
			.andExpect(status().isForbidden());
		change(countyAdmin, fukang.id(), change("改名", "652302000000", 0)).andExpect(status().isForbidden());
		mvc.perform(post("/api/accounts/" + fukang.id() + "/disable").header("Authorization", countyAdmin.bearer()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aChangeAgainstAStaleVersionIsAConflict() throws Exception {
		var created = open(countyAdmin, newAccount(fresh("versioned"), "Strong-Pass-2026", "652301001000"))
			.andExpect(status().isCreated());
		var id = (String) JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
		var version = ((Number) JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.version"))
			.longValue();
		change(countyAdmin, AccountId.of(id), change("第一次改名", "652301001001", version))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value("第一次改名"))
			.andExpect(jsonPath("$.scope.region").value("652301001001"));
		change(countyAdmin, AccountId.of(id), change("第二次改名", "652301001001", version))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("数据已被他人修改，请刷新后再操作。"));
	}

	@Test
	void weakPasswordsAreRefusedWithTheReason() throws Exception {
		var username = fresh("weak");
		open(countyAdmin, newAccount(username, "short1", "652301001000")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].where", hasItem("password")));
		open(countyAdmin, newAccount(username, "no-digits-at-all", "652301001000")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("密码需同时包含字母和数字。"));
		open(countyAdmin, newAccount(username, username + "-2026", "652301001000")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("密码不能包含用户名。"));
		mvc.perform(get("/api/accounts?q=" + username).header("Authorization", countyAdmin.bearer()))
			.andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void aTakenUsernameIsAConflict() throws Exception {
		var username = fresh("taken");
		open(countyAdmin, newAccount(username, "Strong-Pass-2026", "652301001000")).andExpect(status().isCreated());
		open(countyAdmin, newAccount(username, "Strong-Pass-2026", "652301001001")).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("用户名 " + username + " 已被使用。"));
	}

	@Test
	void unknownScopesAreRefusedAsInvalidInput() throws Exception {
		open(countyAdmin, newAccount(fresh("nowhere"), "Strong-Pass-2026", "652301999999"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("scopeReference"));
	}

	@Test
	void administratorsNeitherDisableNorDemoteThemselves() throws Exception {
		mvc.perform(post("/api/accounts/" + countyAdmin.id() + "/disable").header("Authorization", countyAdmin.bearer()))
			.andExpect(status().isBadRequest());
		var me = mvc.perform(get("/api/accounts/me").header("Authorization", countyAdmin.bearer()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long version = ((Number) JsonPath.read(me, "$.version")).longValue();
		change(countyAdmin, countyAdmin.id(), """
				{"displayName": "降级", "roles": ["DISPATCHER"], "scopeKind": "REGION",
				 "scopeReference": "%s", "version": %d}""".formatted(CHANGJI_CITY, version))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("roles"));
	}

	@Test
	void aDisabledAccountLosesItsTokensAndAnEnabledOneGetsThemBack() throws Exception {
		var dispatcher = accounts.open("disabled-dispatcher", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		mvc.perform(post("/api/accounts/" + dispatcher.id() + "/disable").header("Authorization", countyAdmin.bearer()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(false));
		mvc.perform(get("/api/accounts/me").header("Authorization", dispatcher.bearer()))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/accounts/" + dispatcher.id() + "/enable").header("Authorization", countyAdmin.bearer()))
			.andExpect(status().isOk());
		mvc.perform(get("/api/accounts/me").header("Authorization", dispatcher.bearer())).andExpect(status().isOk());
	}

	private ResultActions open(TestAccount caller, String body) throws Exception {
		return mvc.perform(post("/api/accounts").header("Authorization", caller.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private ResultActions change(TestAccount caller, AccountId id, String body) throws Exception {
		return mvc.perform(put("/api/accounts/" + id).header("Authorization", caller.bearer())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static String newAccount(String username, String password, String region) {
		return """
				{"username": "%s", "displayName": "测试账号", "password": "%s", "roles": ["DISPATCHER"],
				 "scopeKind": "REGION", "scopeReference": "%s"}""".formatted(username, password, region);
	}

	private static String change(String displayName, String region, long version) {
		return """
				{"displayName": "%s", "roles": ["DISPATCHER"], "scopeKind": "REGION", "scopeReference": "%s",
				 "version": %d}""".formatted(displayName, region, version);
	}

	private static String fresh(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
