package io.grassroots.shared.web;

import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.Browser;
import io.grassroots.testing.BrowserTest;
import io.grassroots.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's day in the console, in a real browser: every menu entry opens, an account is opened through
 * its form and given an API token, regions are checked by an upload whose progress the page follows, and the audit
 * trail is verified.
 */
@BrowserTest
class ConsoleBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everyMenuEntryOpensForAnAdministrator() {
		var admin = TestAccounts.in(context).open("tour-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION,
				"000000000000");
		try (var browser = Browser.open("http://localhost:" + port)) {
			browser.signIn(admin.username(), TestAccounts.PASSWORD);
			var paths = new LinkedHashSet<String>();
			browser.all(By.cssSelector("#gr-nav .dropdown-item")).forEach(a -> paths.add(a.getDomAttribute("href")));
			paths.add("/account");
			assertThat(paths).contains("/regions", "/departments", "/party-organisations", "/admin/accounts",
					"/admin/regions/import", "/admin/audit");
			for (var path : paths) {
				browser.go(path);
				assertThat(browser.find(By.tagName("h1")).getText()).as(path).doesNotMatch("\\d{3} .*");
				assertThat(browser.text()).as(path).doesNotContainPattern("\\b[a-z]+\\.[a-z]+\\.[a-zA-Z.]+\\b");
				browser.screenshot("page" + path.replace('/', '-'));
			}
		}
	}

	@Test
	void administratorOpensAnAccountAndIssuesItAToken() {
		var admin = TestAccounts.in(context).open("form-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION,
				"652301000000");
		var username = "opened-" + UUID.randomUUID().toString().substring(0, 8);
		try (var browser = Browser.open("http://localhost:" + port)) {
			browser.signIn(admin.username(), TestAccounts.PASSWORD).go("/admin/accounts/new");
			browser.find(By.id("username")).sendKeys(username);
			browser.find(By.id("displayName")).sendKeys("宁边路街道调度员");
			browser.find(By.id("password")).sendKeys("Dispatch-2026-x");
			browser.click(By.id("role-DISPATCHER"));
			browser.find(By.id("scopeReference")).sendKeys("652301001000");
			browser.click(By.id("account-save"));
			browser.waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/new")));
			assertThat(browser.find(By.id("notice")).getText()).contains("账号已创建");
			assertThat(browser.find(By.id("scopeReference")).getDomProperty("value")).isEqualTo("652301001000");

			browser.find(By.id("token-name")).sendKeys("12345 热线");
			browser.click(By.cssSelector("#token-form button"));
			assertThat(browser.find(By.id("token-secret")).getText()).startsWith("grt_");
			browser.screenshot("account-token-issued");

			browser.go("/admin/accounts/new");
			browser.find(By.id("username")).sendKeys(username);
			browser.find(By.id("displayName")).sendKeys("重名");
			browser.find(By.id("password")).sendKeys("Dispatch-2026-x");
			browser.click(By.id("role-DISPATCHER"));
			browser.find(By.id("scopeReference")).sendKeys("652301001000");
			browser.click(By.id("account-save"));
			assertThat(browser.find(By.cssSelector("#flash .alert-danger")).getText()).contains(username);
			browser.screenshot("account-username-taken");
		}
	}

	@Test
	void regionCheckShowsProgressThenTheReportAndTheAuditChainVerifies() throws Exception {
		var admin = TestAccounts.in(context).open("import-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION,
				"000000000000");
		var csv = Files.createTempFile("provinces", ".csv");
		Files.writeString(csv, "code,name\n96,浏览器测试省\n");
		try (var browser = Browser.open("http://localhost:" + port)) {
			browser.signIn(admin.username(), TestAccounts.PASSWORD).go("/admin/regions/import");
			browser.find(By.id("files")).sendKeys(csv.toString());
			browser.click(By.id("checkOnly"));
			browser.click(By.id("import-start"));
			assertThat(browser.find(By.id("import-added")).getText()).isEqualTo("1");
			assertThat(browser.find(By.id("import-ok")).getText()).contains("试运行");
			browser.screenshot("region-import-checked");

			browser.go("/admin/audit");
			browser.click(By.id("audit-verify"));
			assertThat(browser.find(By.id("audit-intact")).getText()).contains("完好");
			browser.screenshot("audit-verified");
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}

}
