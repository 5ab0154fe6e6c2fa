package io.grassroots.cases;

import java.nio.file.Files;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closed loop in a real browser, by four roles: a grid worker reports with a photo from the phone page and
 * escalates, the dispatcher files and dispatches, the department claims and reports back with a photo, the grid
 * worker verifies, the resident rates it on the tracking page. And an order that is returned, re-dispatched and
 * goes red because the administrator made its claim limit zero.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(CaseBrowser.Availability.class)
@Tag("browser")
class CaseLoopBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void fourRolesCloseTheLoopAndTheResidentRatesIt() throws Exception {
		var photo = Files.createTempFile("evidence-", ".png");
		Files.write(photo, CaseTesting.PNG);
		try (var browser = CaseBrowser.open("http://localhost:" + port)) {
			browser.signIn("gridworker").go("/m/report");
			new Select(browser.find(By.id("mobile-category"))).selectByValue("CJT214:E0501");
			browser.type(By.id("mobile-title"), "菜市场门口流动摊贩").type(By.id("mobile-description"), "浏览器测试：无照摊贩占道");
			browser.find(By.id("mobile-photo")).sendKeys(photo.toString());
			browser.click(By.id("mobile-submit")).waitFor(ExpectedConditions.urlMatches("/cases/[0-9a-f-]{36}$"));
			var casePath = browser.path();
			var code = browser.find(By.cssSelector("h1 .font-monospace")).getText();
			assertThat(browser.find(By.id("case-photos")).findElements(By.tagName("img"))).hasSize(1);
			browser.type(By.cssSelector("#form-escalate input[name=reason]"), "需要市场监管执法").click(By.cssSelector("#form-escalate button"));
			browser.expect(By.cssSelector("#case-timeline"), "上报街道");

			browser.signIn("dispatcher").go("/cases/workbench");
			browser.click(By.cssSelector("#row-" + code + " a"));
			browser.click(By.cssSelector("#form-file button")).expect(By.id("case-status"), "已立案");
			new Select(browser.find(By.id("dispatch-lead"))).selectByVisibleText("昌吉市市场监督管理局");
			browser.click(By.cssSelector("#form-dispatch button")).expect(By.id("case-status"), "已派单");

			browser.signIn("handler").go("/cases/inbox");
			browser.click(By.cssSelector("#row-" + code + " a"));
			browser.click(By.cssSelector("#form-claim button")).expect(By.id("case-status"), "处置中");
			browser.type(By.cssSelector("#form-report-back textarea"), "已劝离摊贩，现场已清理");
			browser.find(By.cssSelector("#form-report-back input[type=file]")).sendKeys(photo.toString());
			browser.click(By.cssSelector("#form-report-back button")).expect(By.id("case-status"), "已反馈待核查");

			browser.signIn("gridworker").go("/m/tasks");
			browser.click(By.xpath("//div[@id='tasks-verify']/a[contains(., '菜市场门口流动摊贩')]"));
			assertThat(browser.path()).isEqualTo(casePath);
			browser.click(By.id("verify-pass")).expect(By.id("case-status"), "已结案");
			assertThat(browser.find(By.id("case-photos")).findElements(By.tagName("img"))).hasSize(2);

			browser.driver().manage().deleteAllCookies();
			browser.go("/public/track/" + code).click(By.id("rate-SATISFIED")).click(By.id("rate-submit"));
			browser.expect(By.id("track-status"), "已评议").expect(By.id("track-rating"), "满意");
			assertThat(browser.find(By.id("track-steps")).getText()).contains("派单", "接单", "处置反馈", "核查通过", "评议")
				.doesNotContain("网格员");
		}
	}

	@Test
	void aReturnedOrderIsDispatchedAgainAndGoesRed() throws Exception {
		try (var browser = CaseBrowser.open("http://localhost:" + port)) {
			browser.signIn("admin").go("/admin/time-limits");
			new Select(browser.find(By.cssSelector("#time-limit-add select[name=step]"))).selectByValue("CLAIM");
			browser.type(By.cssSelector("#time-limit-add input[name=categoryStandard]"), "CJT214")
				.type(By.cssSelector("#time-limit-add input[name=categoryCode]"), "E0404")
				.type(By.cssSelector("#time-limit-add input[name=amount]"), "0");
			new Select(browser.find(By.cssSelector("#time-limit-add select[name=unit]"))).selectByValue("MINUTES");
			browser.click(By.cssSelector("#time-limit-add button")).expect(By.id("time-limits"), "E0404");

			browser.signIn("dispatcher").go("/cases/new");
			new Select(browser.find(By.id("intake-category"))).selectByValue("CJT214:E0404");
			new Select(browser.find(By.id("intake-community"))).selectByValue("652301001001");
			browser.type(By.id("intake-title"), "单元门口下水井堵塞").type(By.id("intake-description"), "浏览器测试：污水外溢")
				.type(By.id("intake-phone"), "13900000001");
			browser.click(By.id("intake-submit")).waitFor(ExpectedConditions.urlMatches("/cases/[0-9a-f-]{36}$"));
			var code = browser.find(By.cssSelector("h1 .font-monospace")).getText();
			browser.click(By.cssSelector("#form-file button")).expect(By.id("case-status"), "已立案");
			new Select(browser.find(By.id("dispatch-lead"))).selectByVisibleText("昌吉市市场监督管理局");
			browser.click(By.cssSelector("#form-dispatch button")).expect(By.id("case-status"), "已派单");

			browser.signIn("handler").go("/cases/inbox");
			browser.click(By.cssSelector("#row-" + code + " a"));
			browser.type(By.cssSelector("#form-return input[name=reason]"), "下水井不属于市场监管职责");
			browser.click(By.cssSelector("#form-return button"));
			browser.waitFor(d -> d.getPageSource().contains("problem") || d.getCurrentUrl().contains("/cases/"));

			browser.signIn("dispatcher").go("/cases/workbench?queue=FILED_QUEUE");
			browser.click(By.cssSelector("#row-" + code + " a"));
			browser.expect(By.id("case-timeline"), "退单");
			new Select(browser.find(By.id("dispatch-lead"))).selectByVisibleText("昌吉市住房和城乡建设局");
			browser.click(By.cssSelector("#form-dispatch button")).expect(By.id("case-status"), "已派单");
			assertThat(browser.find(By.cssSelector(".light-RED")).isDisplayed()).isTrue();
			browser.go("/cases/workbench?queue=DISPATCHED_QUEUE");
			assertThat(browser.find(By.cssSelector("#row-" + code)).getAttribute("class")).contains("table-danger");
			assertThat(browser.find(By.cssSelector("#row-" + code)).getText()).contains("超时", "住房和城乡建设局");
		}
	}

}
