package io.grassroots.cases;

import java.nio.file.Files;

import io.grassroots.testing.Browser;
import io.grassroots.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed loop in a real browser, by four roles: a grid worker reports with a photo from the phone page and
 * escalates, the dispatcher files and dispatches, the department claims and reports back with a photo, the grid
 * worker verifies, the resident rates it on the tracking page. And an order that is returned, re-dispatched and
 * goes red because the administrator made its claim limit zero.
 */
@BrowserTest
class CaseLoopBrowserTests {

	static final String PASSWORD = "Grassroots-2026";

	@LocalServerPort
	int port;

	/** Signs in as a demo account, leaving whoever was signed in before. */
	static Browser as(Browser browser, String username) {
		browser.driver().manage().deleteAllCookies();
		return browser.signIn(username, PASSWORD);
	}

	static Browser type(Browser browser, By by, String text) {
		var element = browser.find(by);
		element.clear();
		element.sendKeys(text);
		return browser;
	}

	static Browser expect(Browser browser, By by, String text) {
		browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(by, text));
		return browser;
	}

	@Test
	void fourRolesCloseTheLoopAndTheResidentRatesIt() throws Exception {
		var photo = Files.createTempFile("evidence-", ".png");
		Files.write(photo, CaseTesting.PNG);
		try (var browser = Browser.open("http://localhost:" + port)) {
			as(browser, "gridworker").go("/m/report");
			new Select(browser.find(By.id("mobile-category"))).selectByValue("CJT214:E0501");
			type(browser, By.id("mobile-title"), "菜市场门口流动摊贩");
			type(browser, By.id("mobile-description"), "浏览器测试：无照摊贩占道");
			browser.find(By.id("mobile-photo")).sendKeys(photo.toString());
			browser.click(By.id("mobile-submit")).waitFor(ExpectedConditions.urlMatches("/cases/[0-9a-f-]{36}$"));
			var casePath = browser.path();
			var code = browser.find(By.cssSelector("h1 .font-monospace")).getText();
			assertThat(browser.find(By.id("case-photos")).findElements(By.tagName("img"))).hasSize(1);
			type(browser, By.cssSelector("#form-escalate input[name=reason]"), "需要市场监管执法").click(By.cssSelector("#form-escalate button"));
			expect(browser, By.cssSelector("#case-timeline"), "上报街道");

			as(browser, "dispatcher").go("/cases/workbench");
			browser.click(By.cssSelector("#row-" + code + " a"));
			expect(browser.click(By.cssSelector("#form-file button")), By.id("case-status"), "已立案");
			new Select(browser.find(By.id("dispatch-lead"))).selectByVisibleText("昌吉市市场监督管理局");
			expect(browser.click(By.cssSelector("#form-dispatch button")), By.id("case-status"), "已派单");

			as(browser, "handler").go("/cases/inbox");
			browser.click(By.cssSelector("#row-" + code + " a"));
			expect(browser.click(By.cssSelector("#form-claim button")), By.id("case-status"), "处置中");
			type(browser, By.cssSelector("#form-report-back textarea"), "已劝离摊贩，现场已清理");
			browser.find(By.cssSelector("#form-report-back input[type=file]")).sendKeys(photo.toString());
			expect(browser.click(By.cssSelector("#form-report-back button")), By.id("case-status"), "已反馈待核查");

			as(browser, "gridworker").go("/m/tasks");
			browser.click(By.xpath("//div[@id='tasks-verify']/a[contains(., '菜市场门口流动摊贩')]"));
			assertThat(browser.path()).isEqualTo(casePath);
			expect(browser.click(By.id("verify-pass")), By.id("case-status"), "已结案");
			assertThat(browser.find(By.id("case-photos")).findElements(By.tagName("img"))).hasSize(2);

			browser.driver().manage().deleteAllCookies();
			browser.go("/public/track/" + code).click(By.id("rate-SATISFIED")).click(By.id("rate-submit"));
			expect(browser, By.id("track-status"), "已评议");
			expect(browser, By.id("track-rating"), "满意");
			assertThat(browser.find(By.id("track-steps")).getText()).contains("派单", "接单", "处置反馈", "核查通过", "评议")
				.doesNotContain("网格员");
		}
	}

	@Test
	void aReturnedOrderIsDispatchedAgainAndGoesRed() throws Exception {
		try (var browser = Browser.open("http://localhost:" + port)) {
			as(browser, "admin").go("/admin/time-limits");
			new Select(browser.find(By.cssSelector("#time-limit-add select[name=step]"))).selectByValue("CLAIM");
			type(browser, By.cssSelector("#time-limit-add input[name=categoryStandard]"), "CJT214");
			type(browser, By.cssSelector("#time-limit-add input[name=categoryCode]"), "E0404");
			type(browser, By.cssSelector("#time-limit-add input[name=amount]"), "0");
			new Select(browser.find(By.cssSelector("#time-limit-add select[name=unit]"))).selectByValue("MINUTES");
			expect(browser.click(By.cssSelector("#time-limit-add button")), By.id("time-limits"), "E0404");

			as(browser, "dispatcher").go("/cases/new");
			new Select(browser.find(By.id("intake-category"))).selectByValue("CJT214:E0404");
			new Select(browser.find(By.id("intake-community"))).selectByValue("652301001001");
			type(browser, By.id("intake-title"), "单元门口下水井堵塞");
			type(browser, By.id("intake-description"), "浏览器测试：污水外溢");
			type(browser, By.id("intake-phone"), "13900000001");
			browser.click(By.id("intake-submit")).waitFor(ExpectedConditions.urlMatches("/cases/[0-9a-f-]{36}$"));
			var code = browser.find(By.cssSelector("h1 .font-monospace")).getText();
			expect(browser.click(By.cssSelector("#form-file button")), By.id("case-status"), "已立案");
			new Select(browser.find(By.id("dispatch-lead"))).selectByVisibleText("昌吉市市场监督管理局");
			expect(browser.click(By.cssSelector("#form-dispatch button")), By.id("case-status"), "已派单");

			as(browser, "handler").go("/cases/inbox");
			browser.click(By.cssSelector("#row-" + code + " a"));
			type(browser, By.cssSelector("#form-return input[name=reason]"), "下水井不属于市场监管职责");
			browser.click(By.cssSelector("#form-return button"));
			browser.waitFor(d -> d.getPageSource().contains("problem") || d.getCurrentUrl().contains("/cases/"));

			as(browser, "dispatcher").go("/cases/workbench?queue=FILED_QUEUE");
			browser.click(By.cssSelector("#row-" + code + " a"));
			expect(browser, By.id("case-timeline"), "退单");
			new Select(browser.find(By.id("dispatch-lead"))).selectByVisibleText("昌吉市住房和城乡建设局");
			expect(browser.click(By.cssSelector("#form-dispatch button")), By.id("case-status"), "已派单");
			assertThat(browser.find(By.cssSelector(".light-RED")).isDisplayed()).isTrue();
			browser.go("/cases/workbench?queue=DISPATCHED_QUEUE");
			assertThat(browser.find(By.cssSelector("#row-" + code)).getAttribute("class")).contains("table-danger");
			assertThat(browser.find(By.cssSelector("#row-" + code)).getText()).contains("超时", "住房和城乡建设局");
		}
	}

}
