package io.grassroots.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Debian's ChromeDriver (Selenium Manager never downloads anything), with a
 * fresh profile per browser, for the case loop. Screenshots of failures go to {@code target/browser-screenshots}.
 */
final class CaseBrowser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final WebDriver driver;

	private final String base;

	private final Path profile;

	private CaseBrowser(WebDriver driver, String base, Path profile) {
		this.driver = driver;
		this.base = base;
		this.profile = profile;
	}

	static CaseBrowser open(String base) throws IOException {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		var profile = Files.createTempDirectory("grassroots-cases-chromium-");
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000",
				"--lang=zh-CN", "--user-data-dir=" + profile);
		var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
		return new CaseBrowser(new ChromeDriver(service, options), base, profile);
	}

	CaseBrowser go(String path) {
		driver.get(base + path);
		return this;
	}

	CaseBrowser signIn(String username) {
		driver.manage().deleteAllCookies();
		go("/login");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys("Grassroots-2026");
		click(By.id("login-submit"));
		waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return this;
	}

	WebElement find(By by) {
		return waitFor(ExpectedConditions.presenceOfElementLocated(by));
	}

	CaseBrowser type(By by, String text) {
		var element = find(by);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	CaseBrowser click(By by) {
		var element = waitFor(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException e) {
			// a map tile or a sticky bar lies over the element: click it the way a script would
			((JavascriptExecutor) driver).executeScript("arguments[0].click()", element);
		}
		return this;
	}

	/** Waits until the element's text contains the given text. */
	CaseBrowser expect(By by, String text) {
		waitFor(ExpectedConditions.textToBePresentInElementLocated(by, text));
		return this;
	}

	String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	WebDriver driver() {
		return driver;
	}

	<T> T waitFor(Function<? super WebDriver, T> condition) {
		try {
			return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
		}
		catch (TimeoutException e) {
			var flash = driver.findElements(By.id("flash")).stream().map(WebElement::getText).findFirst().orElse("");
			throw new AssertionError("At " + driver.getCurrentUrl() + " (" + screenshot() + "): " + flash, e);
		}
	}

	private Path screenshot() {
		try {
			var target = Path.of("target", "browser-screenshots", "cases-" + System.currentTimeMillis() + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (var paths = Files.walk(profile)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException e) {
				// a leftover temporary profile does no harm
			}
		}
	}

	/** Skips with a message without Chromium, unless GRASSROOTS_TEST_BROWSER=required. */
	static class Availability implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
				return ConditionEvaluationResult.enabled("Chromium found");
			}
			var missing = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER;
			if ("required".equals(System.getenv("GRASSROOTS_TEST_BROWSER"))) {
				throw new IllegalStateException(missing + " (GRASSROOTS_TEST_BROWSER=required)");
			}
			return ConditionEvaluationResult.disabled("Skipped: " + missing);
		}

	}

}
