package io.grassroots.grid;

import java.nio.file.Files;

import io.grassroots.testing.Browser;
import io.grassroots.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: an administrator imports a GeoJSON file, sees the grid on the map, opens it from the
 * map, gives it a branch, a team and a household through the console's forms, and sees them and the due visit on
 * the grid's page. Screenshots of the map and the grid page land in target/browser-screenshots.
 */
@BrowserTest
class GridBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void anAdministratorImportsAGridSeesItOnTheMapAndOpensItsPage() throws Exception {
		try (var browser = Browser.open("http://localhost:" + port)) {
			browser.signIn("admin", "Grassroots-2026");
			var file = Files.createTempFile("grids", ".geojson");
			Files.writeString(file, """
					{"type":"FeatureCollection","features":[{"type":"Feature",
					 "properties":{"code":"652323100001001","name":"熙景浏览器网格","kind":"小区网格","managementType":"日常管理型"},
					 "geometry":{"type":"Polygon","coordinates":[[[86.90,44.19],[86.905,44.19],[86.905,44.195],[86.90,44.195],[86.90,44.19]]]}}]}""");
			browser.go("/grids/import");
			browser.driver().findElement(By.id("import-file")).sendKeys(file.toString());
			browser.click(By.id("import-submit"));
			assertThat(browser.find(By.id("import-result")).getAttribute("class")).contains("alert-success");

			browser.go("/grids/map?within=652323100001");
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.gr-grid-652323100001001")));
			browser.screenshot("grid-map-imported");
			browser.driver().findElement(By.cssSelector("path.gr-grid-652323100001001")).click();
			var link = browser.find(By.cssSelector(".leaflet-popup-content a"));
			assertThat(link.getText()).contains("熙景浏览器网格");
			link.click();
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("grid-name"), "熙景浏览器网格"));
			var gridPage = browser.path();

			browser.find(By.name("branchName")).sendKeys("熙景浏览器网格党支部");
			browser.find(By.name("secretary")).sendKeys("测试书记");
			browser.find(By.name("members")).sendKeys("党员甲*\n党员乙");
			browser.click(By.cssSelector("form[action$='/branch'] button"));
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("grid-branch"), "测试书记"));
			browser.find(By.name("team")).sendKeys("网格员甲,LEAD_GRID_WORKER\n民警乙,POLICE,北门派出所");
			browser.click(By.cssSelector("form[action$='/team'] button"));
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("grid-team"), "民警乙"));

			browser.go(gridPage + "/households");
			browser.find(By.name("address")).sendKeys("熙景小区1号楼");
			browser.find(By.name("headName")).sendKeys("住户丙");
			((JavascriptExecutor) browser.driver()).executeScript("arguments[0].checked = true",
					browser.driver().findElement(By.cssSelector("input[name=tags][value=ELDERLY_ALONE]")));
			browser.click(By.cssSelector("form[action$='/households'] button"));
			browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.id("household-table"), "熙景小区1号楼"));

			browser.go(gridPage);
			assertThat(browser.find(By.id("grid-branch")).getText()).contains("熙景浏览器网格党支部", "党员甲");
			assertThat(browser.find(By.id("grid-team")).getText()).contains("网格员甲", "民警乙");
			assertThat(browser.find(By.id("grid-commitments")).getText()).contains("民警守护网格");
			assertThat(browser.find(By.id("grid-due")).getText()).contains("熙景小区1号楼");
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.gr-grid-shape")));
			browser.screenshot("grid-page");

			browser.go("/grids/map?within=652301001000&colour=overdue");
			browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.gr-grid-652301001001001")));
			browser.screenshot("grid-map-demo-overdue");
		}
	}

	@Test
	void aGridWorkerSeesTheVisitsDueThisWeekOnAPhoneSizedPage() throws Exception {
		try (var browser = Browser.open("http://localhost:" + port)) {
			browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
			browser.signIn("gridworker", "Grassroots-2026");
			browser.go("/visits/due");
			var list = browser.find(By.id("due-list"));
			assertThat(list.findElements(By.cssSelector("a.list-group-item"))).isNotEmpty();
			var width = ((Number) ((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth")).intValue();
			assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
			browser.screenshot("visits-due-phone");
		}
	}

}
