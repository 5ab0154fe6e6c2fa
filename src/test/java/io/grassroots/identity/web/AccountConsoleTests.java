package io.grassroots.identity.web;

import java.util.UUID;

import io.grassroots.identity.AccountManagement;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.grassroots.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The accounts pages of the console: administrators manage the accounts of their scope, everybody else reads them,
 * everybody changes their own password and tokens. htmx forms answer with HX-Redirect or an error fragment.
 */
@IntegrationTest
class AccountConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountManagement management;

	TestAccounts accounts;

	TestAccount admin;

	@BeforeEach
	void openAdministrator() {
		accounts = TestAccounts.in(context);
		admin = accounts.open("console-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "652301000000");
	}

	@Test
	void anAdministratorOpensAnAccountThroughTheHtmxForm() throws Exception {
		var username = "console-" + UUID.randomUUID().toString().substring(0, 8);
		var result = mvc.perform(post("/admin/accounts").with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("username", username)
			.param("displayName", "西街社区干部")
			.param("password", "Community-2026")
			.param("roles", "COMMUNITY_STAFF", "GRID_WORKER")
			.param("scopeKind", "REGION")
			.param("scopeReference", "652301001001"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Redirect", startsWith("/admin/accounts/")))
			.andExpect(flash().attribute("notice", "identity.notice.opened"))
			.andReturn();
		var page = result.getResponse().getHeader("HX-Redirect");
		mvc.perform(get(page).with(accounts.console(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(username)))
			.andExpect(content().string(containsString("西街社区")));
		mvc.perform(formLogin("/login").user(username).password("Community-2026")).andExpect(redirectedUrl("/"));
	}

	@Test
	void aFormThatDoesNotValidateComesBackAsAnErrorFragmentNamingTheFields() throws Exception {
		mvc.perform(post("/admin/accounts").with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("username", "Not Valid!")
			.param("displayName", "")
			.param("password", "short")
			.param("scopeKind", "REGION")
			.param("scopeReference", "652301001001"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("alert-danger")))
			.andExpect(content().string(containsString("<code>username</code>")))
			.andExpect(content().string(containsString("<code>displayName</code>")))
			.andExpect(content().string(containsString("<code>password</code>")))
			.andExpect(content().string(containsString("<code>roles</code>")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(post("/admin/accounts").with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("username", "valid-name")
			.param("displayName", "名字")
			.param("password", "Strong-Pass-2026")
			.param("roles", "KING")
			.param("scopeKind", "NOWHERE")
			.param("scopeReference", "652301001001"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("<code>scopeKind</code>")));
	}

	@Test
	void aStaleChangeIsRefusedWithTheConflictMessage() throws Exception {
		var dispatcher = accounts.open("stale", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var version = accounts.as(admin, () -> management.get(dispatcher.id())).version();
		var change = post("/admin/accounts/" + dispatcher.id()).with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("displayName", "改过的名字")
			.param("roles", "DISPATCHER")
			.param("scopeKind", "REGION")
			.param("scopeReference", "652301001000")
			.param("version", String.valueOf(version));
		mvc.perform(change).andExpect(header().string("HX-Redirect", "/admin/accounts/" + dispatcher.id()));
		mvc.perform(change)
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("数据已被他人修改")));
	}

	@Test
	void anAdministratorDisablesEnablesAndResetsThePasswordOfAnAccount() throws Exception {
		var dispatcher = accounts.open("managed", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var page = "/admin/accounts/" + dispatcher.id();
		mvc.perform(post(page + "/disable").with(accounts.console(admin)).with(csrf()).header("HX-Request", "true"))
			.andExpect(header().string("HX-Redirect", page))
			.andExpect(flash().attribute("notice", "identity.notice.disabled"));
		mvc.perform(formLogin("/login").user(dispatcher.username()).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(get(page).with(accounts.console(admin)))
			.andExpect(content().string(containsString("id=\"account-status\">已停用")));
		mvc.perform(post(page + "/enable").with(accounts.console(admin)).with(csrf()))
			.andExpect(redirectedUrl(page));
		mvc.perform(post(page + "/password").with(accounts.console(admin))
			.with(csrf())
			.param("password", "Reset-By-Admin-2026")
			.param("repeat", "Reset-By-Admin-2026")).andExpect(redirectedUrl(page));
		mvc.perform(formLogin("/login").user(dispatcher.username()).password("Reset-By-Admin-2026"))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get(page).with(accounts.console(admin)))
			.andExpect(content().string(containsString("account.passwordReset")))
			.andExpect(content().string(containsString("account.disabled")));
	}

	@Test
	void theTokenSecretIsShownOnceInTheFragmentAndNeverAgain() throws Exception {
		var dispatcher = accounts.open("secret", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var fragment = mvc.perform(post("/admin/accounts/" + dispatcher.id() + "/tokens").with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("name", "视频平台"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"token-secret\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var secret = fragment.substring(fragment.indexOf("grt_"), fragment.indexOf("</code>", fragment.indexOf("grt_")));
		assertThat(fragment).doesNotContain("<html");
		mvc.perform(get("/admin/accounts/" + dispatcher.id()).with(accounts.console(admin)))
			.andExpect(content().string(containsString("视频平台")))
			.andExpect(content().string(not(containsString(secret))));
	}

	/** The friendly 403 page itself comes from the servlet container's error dispatch: see the browser tests. */
	@Test
	void administratorPagesRefuseOtherRoles() throws Exception {
		var dispatcher = accounts.open("not-admin", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		for (var path : new String[] { "/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + admin.id(),
				"/admin/audit", "/admin/regions/import" }) {
			mvc.perform(get(path).with(accounts.console(dispatcher))).andExpect(status().isForbidden());
		}
		mvc.perform(post("/admin/accounts/" + dispatcher.id() + "/enable").with(accounts.console(dispatcher))
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void otherRolesReadTheAccountsOfTheirScopeWithoutLinks() throws Exception {
		var dispatcher = accounts.open("reader", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var community = accounts.open("reader-community", Role.COMMUNITY_STAFF, DataScope.Kind.REGION, "652301001001");
		var elsewhere = accounts.open("reader-elsewhere", Role.DISPATCHER, DataScope.Kind.REGION, "652301002000");
		mvc.perform(get("/accounts").with(accounts.console(dispatcher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(community.username())))
			.andExpect(content().string(not(containsString(elsewhere.username()))))
			.andExpect(content().string(not(containsString("/admin/accounts/"))));
	}

	@Test
	void everybodyChangesTheirOwnPasswordKnowingTheCurrentOne() throws Exception {
		var community = accounts.open("own-password", Role.COMMUNITY_STAFF, DataScope.Kind.REGION, "652301001001");
		mvc.perform(post("/account/password").with(accounts.console(community))
			.with(csrf())
			.header("HX-Request", "true")
			.param("current", "Not-The-Password-1")
			.param("password", "Brand-New-2026")
			.param("repeat", "Brand-New-2026"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("当前密码不正确")));
		mvc.perform(post("/account/password").with(accounts.console(community))
			.with(csrf())
			.header("HX-Request", "true")
			.param("current", TestAccounts.PASSWORD)
			.param("password", "Brand-New-2026")
			.param("repeat", "Brand-New-2027"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("两次输入的新密码不一致")));
		mvc.perform(post("/account/password").with(accounts.console(community))
			.with(csrf())
			.param("current", TestAccounts.PASSWORD)
			.param("password", "Brand-New-2026")
			.param("repeat", "Brand-New-2026"))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("notice", "identity.notice.passwordChanged"));
		mvc.perform(formLogin("/login").user(community.username()).password("Brand-New-2026"))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void myAccountShowsMyScopeAndIssuesMyOwnTokens() throws Exception {
		var handler = accounts.open("my-tokens", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		mvc.perform(get("/account").with(accounts.console(handler)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("宁边路街道")));
		mvc.perform(post("/account/tokens").with(accounts.console(handler))
			.with(csrf())
			.header("HX-Request", "true")
			.param("name", "我的脚本")
			.param("validDays", "7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("grt_")));
	}

}
