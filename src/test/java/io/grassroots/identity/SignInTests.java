package io.grassroots.identity;

import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Form sign-in for the console: it works, it needs the CSRF token, and repeated failures close it for a while
 * even to the right password (the test window is 3 s, see the test configuration).
 */
@IntegrationTest
class SignInTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theRightPasswordSignsInAndAWrongOneDoesNot() throws Exception {
		var account = TestAccounts.in(context).open("signin", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		mvc.perform(formLogin("/login").user(account.username()).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user(account.username()).password("Wrong-Password-1"))
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user("nobody-" + account.username()).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void signInWithoutTheCsrfTokenIsRefused() throws Exception {
		var account = TestAccounts.in(context).open("nocsrf", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		mvc.perform(post("/login").param("username", account.username()).param("password", TestAccounts.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void consoleChangesNeedTheCsrfToken() throws Exception {
		var accounts = TestAccounts.in(context);
		var admin = accounts.open("csrf-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "652301000000");
		mvc.perform(post("/admin/accounts/" + admin.id() + "/password").with(accounts.console(admin))
			.param("password", "Another-Pass-2026")
			.param("repeat", "Another-Pass-2026")).andExpect(status().isForbidden());
		mvc.perform(post("/account/password").with(accounts.console(admin))
			.param("current", TestAccounts.PASSWORD)
			.param("password", "Another-Pass-2026")
			.param("repeat", "Another-Pass-2026")).andExpect(status().isForbidden());
		mvc.perform(post("/logout").with(accounts.console(admin))).andExpect(status().isForbidden());
		mvc.perform(post("/logout").with(accounts.console(admin)).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
	}

	@Test
	void repeatedFailuresRefuseEvenTheRightPasswordButNotAnotherAccount() throws Exception {
		var accounts = TestAccounts.in(context);
		var account = accounts.open("throttled", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		var bystander = accounts.open("bystander", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		for (var attempt = 0; attempt < 5; attempt++) {
			mvc.perform(formLogin("/login").user(account.username()).password("Wrong-Password-" + attempt))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(formLogin("/login").user(account.username()).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(formLogin("/login").user(bystander.username()).password(TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/"));
	}

}
