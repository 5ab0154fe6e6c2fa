package io.grassroots.region.web;

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

@BrowserTest
class RegionTreeBrowserTests {

	static final String NINGBIANLU = "652301001000";

	static final String XIJIE = "652301001001";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void administratorFindsAStreetAndItsCommunitiesWhileACommunitySeesOnlyItself() {
		var accounts = TestAccounts.in(context);
		var admin = accounts.open("browser-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
		var community = accounts.open("browser-community", Role.COMMUNITY_STAFF, DataScope.Kind.REGION, XIJIE);
		try (var browser = Browser.open("http://localhost:" + port)) {
			browser.signIn(admin.username(), TestAccounts.PASSWORD).go("/regions");
			openInTree(browser, "650000000000", "652300000000");
			openInTree(browser, "652300000000", "652301000000");
			openInTree(browser, "652301000000", NINGBIANLU);
			openInTree(browser, NINGBIANLU, XIJIE);
			assertThat(browser.find(By.id("region-tree")).getText()).contains("宁边路街道", "西街社区居民委员会",
					"宁合社区居民委员会");
			browser.screenshot("admin-region-tree");

			browser.find(By.id("region-search")).sendKeys("宁边路");
			browser.click(By.id("region-search-submit"));
			browser.find(By.cssSelector("#region-results a[href='/regions/" + NINGBIANLU + "']")).click();
			assertThat(browser.find(By.id("region-name")).getText()).isEqualTo("宁边路街道");
			assertThat(browser.find(By.id("region-children")).getText()).contains("西街社区居民委员会", "宁合社区居民委员会",
					"水电巷社区居民委员会");
			assertThat(browser.find(By.id("region-party")).getText()).contains("宁边路街道党工委", "西街社区大党委");
			assertThat(browser.find(By.id("region-departments")).getText()).contains("昌吉市市场监督管理局");
			browser.screenshot("admin-street-page");
			browser.signOut();

			browser.signIn(community.username(), TestAccounts.PASSWORD).go("/regions");
			assertThat(browser.all(By.cssSelector("#region-tree li")))
				.extracting(li -> li.getDomAttribute("data-code"))
				.containsExactly(XIJIE);
			browser.find(By.id("region-search")).sendKeys("社区");
			browser.click(By.id("region-search-submit"));
			browser.find(By.id("region-results"));
			assertThat(browser.all(By.cssSelector("#region-results a")))
				.extracting(a -> a.getDomAttribute("href"))
				.containsExactly("/regions/" + XIJIE);
			browser.screenshot("community-search");

			browser.go("/regions/652301001002");
			assertThat(browser.find(By.tagName("h1")).getText()).startsWith("403");
			assertThat(browser.text()).doesNotContain("宁合社区居民委员会");
			browser.go("/regions/" + NINGBIANLU);
			assertThat(browser.find(By.tagName("h1")).getText()).startsWith("403");
			browser.screenshot("community-refused");
			browser.go("/admin/accounts");
			assertThat(browser.find(By.tagName("h1")).getText()).startsWith("403");
			assertThat(browser.find(By.id("gr-user")).getText()).endsWith("西街社区");
			browser.screenshot("community-refused-admin-page");
		}
	}

	/** Opens a node of the tree (htmx loads its children) and waits for one of them. */
	private static void openInTree(Browser browser, String code, String child) {
		browser.find(By.cssSelector("li[data-code='" + code + "'] > details > summary > .gr-toggle")).click();
		browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li[data-code='" + child + "']")));
	}

}
