package io.grassroots.grid;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * In a real headless Chromium: an administrator imports a GeoJSON file, sees the grid on the map, opens it from the
 * map, gives it a branch, a team and a household, and sees them and the due visit on the grid's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class GridBrowserTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	static WebDriver browser;

	static Path profile;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		var present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!present && "required".equals(System.getenv("GRASSROOTS_TEST_BROWSER"))) {
			throw new IllegalStateException("Chromium and chromedriver are required (GRASSROOTS_TEST_BROWSER=required)");
		}
		assumeTrue(present, "Browser test skipped: install Debian's chromium and chromium-driver to run it");
		System.setProperty("webdriver.chrome.driver", DRIVER.toString());
		profile = Files.createTempDirectory("grassroots-chromium");
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
				"--user-data-dir=" + profile);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() throws Exception {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Keeps what the browser showed in target/browser-screenshots, for people reviewing a run. */
	void screenshot(String name) throws java.io.IOException {
		var target = Path.of("target/browser-screenshots");
		Files.createDirectories(target);
		var png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
		Files.write(target.resolve(name + ".png"), png);
	}

	void submit(String form) {
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("arguments[0].requestSubmit()", browser.findElement(By.cssSelector(form)));
	}

	WebDriverWait waiting() {
		return new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	@Test
	void anAdministratorImportsAGridSeesItOnTheMapAndOpensItsPage() throws Exception {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys("admin");
		browser.findElement(By.id("password")).sendKeys("Grassroots-2026");
		browser.findElement(By.id("login-submit")).click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("gr-user")));

		var file = Files.createTempFile("grids", ".geojson");
		Files.writeString(file, """
				{"type":"FeatureCollection","features":[{"type":"Feature",
				 "properties":{"code":"652323100001001","name":"熙景浏览器网格","kind":"小区网格","managementType":"日常管理型"},
				 "geometry":{"type":"Polygon","coordinates":[[[86.90,44.19],[86.905,44.19],[86.905,44.195],[86.90,44.195],[86.90,44.19]]]}}]}""");
		browser.get(url("/grids/import"));
		browser.findElement(By.id("import-file")).sendKeys(file.toString());
		browser.findElement(By.id("import-submit")).click();
		var result = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("import-result")));
		assertThat(result.getAttribute("class")).contains("alert-success");

		browser.get(url("/grids/map?within=652323100001"));
		var shape = waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.gr-grid-652323100001001")));
		screenshot("grid-map-imported");
		shape.click();
		var link = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".leaflet-popup-content a")));
		assertThat(link.getText()).contains("熙景浏览器网格");
		link.click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("grid-name"), "熙景浏览器网格"));
		var gridPage = browser.getCurrentUrl();

		browser.findElement(By.name("branchName")).sendKeys("熙景浏览器网格党支部");
		browser.findElement(By.name("secretary")).sendKeys("测试书记");
		browser.findElement(By.name("members")).sendKeys("党员甲*\n党员乙");
		submit("form[action$='/branch']");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("grid-branch"), "测试书记"));
		browser.findElement(By.name("team")).sendKeys("网格员甲,LEAD_GRID_WORKER\n民警乙,POLICE,北门派出所");
		submit("form[action$='/team']");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("grid-team"), "民警乙"));

		browser.get(gridPage.replaceAll("/?$", "") + "/households");
		browser.findElement(By.name("address")).sendKeys("熙景小区1号楼");
		browser.findElement(By.name("headName")).sendKeys("住户丙");
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].checked = true",
				browser.findElement(By.cssSelector("input[name=tags][value=ELDERLY_ALONE]")));
		submit("form[action$='/households']");
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("household-table"), "熙景小区1号楼"));

		browser.get(gridPage);
		assertThat(browser.findElement(By.id("grid-branch")).getText()).contains("熙景浏览器网格党支部", "党员甲");
		assertThat(browser.findElement(By.id("grid-team")).getText()).contains("网格员甲", "民警乙");
		assertThat(browser.findElement(By.id("grid-commitments")).getText()).contains("民警守护网格");
		assertThat(browser.findElement(By.id("grid-due")).getText()).contains("熙景小区1号楼");
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.gr-grid-shape")));
		screenshot("grid-page");
		browser.get(url("/grids/map?within=652301001000&colour=overdue"));
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.gr-grid-652301001001001")));
		screenshot("grid-map-demo-overdue");
	}

}
