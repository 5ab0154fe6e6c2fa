package io.grassroots.shared.web;

import java.util.List;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every console page renders in both languages without a message key left untranslated, and the menu shows each
 * role only what it may use.
 */
@IntegrationTest
class ConsolePagesTests {

	/** What an untranslated key looks like in a page: three or more dotted words between tags. */
	static final String RAW_KEY = "(?s).*>\\s*[a-z]+\\.[a-z]+\\.[a-zA-Z.]+\\s*<.*";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void everyPageRendersForAnAdministratorInChineseAndEnglish() throws Exception {
		var accounts = TestAccounts.in(context);
		var admin = accounts.open("pages-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
		var pages = List.of("/", "/regions", "/regions?q=宁边路", "/regions/652301001000", "/regions/652301000000",
				"/departments", "/departments/new?region=652301000000", "/party-organisations",
				"/party-organisations?within=652301001000", "/party-organisations/new?region=652301001001",
				"/admin/accounts", "/admin/accounts/new", "/admin/accounts/" + admin.id(), "/accounts", "/account",
				"/admin/regions/import", "/admin/audit", "/login");
		for (var page : pages) {
			for (var lang : List.of("zh_CN", "en")) {
				var html = mvc.perform(get(page).param("lang", lang).with(accounts.console(admin)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(html).as(page + " " + lang).doesNotMatch(RAW_KEY).contains("</html>");
			}
		}
	}

	@Test
	void theMenuShowsEachRoleWhatItMayUse() throws Exception {
		var accounts = TestAccounts.in(context);
		var admin = accounts.open("menu-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
		var community = accounts.open("menu-community", Role.COMMUNITY_STAFF, DataScope.Kind.REGION, "652301001001");
		mvc.perform(get("/").with(accounts.console(admin)))
			.andExpect(content().string(containsString("href=\"/admin/accounts\"")))
			.andExpect(content().string(containsString("href=\"/admin/audit\"")))
			.andExpect(content().string(containsString("href=\"/admin/regions/import\"")));
		mvc.perform(get("/").with(accounts.console(community)))
			.andExpect(content().string(containsString("href=\"/regions\"")))
			.andExpect(content().string(containsString("href=\"/accounts\"")))
			.andExpect(content().string(not(containsString("href=\"/admin/"))));
	}

}
