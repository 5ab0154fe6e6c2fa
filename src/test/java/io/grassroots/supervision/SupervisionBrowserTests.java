package io.grassroots.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.grassroots.testing.Browser;
import io.grassroots.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: an order nobody claims goes red and stays red; the sweep issues its supervision order and
 * yellow card; the supervisor sees them on the board and calls a whistle order; the department reports in from
 * its own page, and the board shows who did.
 */
@BrowserTest
class SupervisionBrowserTests {

	static final String PASSWORD = "Grassroots-2026";

	@LocalServerPort
	int port;

	@Autowired
	SupervisionTesting testing;

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SupervisionRules rules;

	@Autowired
	io.grassroots.calendar.WorkCalendars calendars;

	/** A deadline a working day and a bit in the past: the yellow card is due, the supervision order still runs. */
	Instant redLongEnoughForAYellowCardButNotForTheOrderToRunOut(io.grassroots.shared.RegionCode region) {
		var calendar = calendars.of(region);
		var now = Instant.now().minus(Duration.ofMinutes(1));
		var due = now.minus(Duration.ofHours(1));
		while (rules.cardCheckAt(calendar, due).isAfter(now)) {
			due = due.minus(Duration.ofMinutes(30));
		}
		assertThat(rules.orderDue(calendar, due)).isAfter(now);
		return due;
	}

	@Test
	void aRedCaseIsSupervisedOnTheBoardAndAWhistleIsReportedIn() {
		var order = testing.dispatched("浏览器督办：无人接单");
		var due = redLongEnoughForAYellowCardButNotForTheOrderToRunOut(order.region());
		jdbc.sql("update cases_case set warn_at = :warn, due_at = :due, version = version + 1 where id = :id")
			.param("warn", Timestamp.from(due.minus(Duration.ofMinutes(12)))).param("due", Timestamp.from(due))
			.param("id", order.id().id()).update();
		sweep.window(due.minus(Duration.ofMinutes(13)), Instant.now());
		var code = order.trackingCode();
		var market = testing.market().name();

		try (var browser = Browser.open("http://localhost:" + port)) {
			browser.signIn("supervisor", PASSWORD).go("/supervision");
			assertThat(browser.find(By.id("lit-" + code)).getText()).contains("红灯", "已超时");
			assertThat(browser.find(By.id("orders")).getText()).contains(market);
			assertThat(browser.find(By.id("cards")).getText()).contains("黄牌", market);

			browser.find(By.cssSelector("#whistle-form input[name=title]")).sendKeys("浏览器测试：夜间工地噪声");
			var departments = new Select(browser.find(By.id("whistle-departments")));
			departments.selectByVisibleText(market);
			departments.selectByVisibleText(testing.housing().name());
			browser.click(By.id("whistle-submit"));
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("whistles"), "浏览器测试：夜间工地噪声"));
			assertThat(browser.find(By.id("notice")).getText()).contains("已吹哨");

			browser.driver().manage().deleteAllCookies();
			browser.signIn("handler", PASSWORD).go("/supervision/department");
			assertThat(browser.find(By.id("department-orders")).getText()).contains("待办");
			var whistle = browser.find(By.xpath("//div[contains(@id, 'whistle-')][contains(., '浏览器测试：夜间工地噪声')]"));
			whistle.findElement(By.cssSelector("button[type=submit]")).click();
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), "已报到"));
			browser.screenshot("supervision-department");

			browser.driver().manage().deleteAllCookies();
			browser.signIn("supervisor", PASSWORD).go("/supervision");
			var calls = browser.find(By.xpath("//div[contains(@id, 'whistle-')][contains(., '浏览器测试：夜间工地噪声')]")).getText();
			assertThat(calls).contains(market + " · 已报到", testing.housing().name() + " · 未报到");
			browser.screenshot("supervision-board");
		}
	}

}
