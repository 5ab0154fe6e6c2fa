package io.grassroots.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
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
 * A headless Debian Chromium driven through Debian's ChromeDriver, pointed at a running console. Selenium Manager is
 * never asked to download anything: both binaries are given. Each browser has a fresh profile in a temporary
 * directory that {@link #close()} deletes. Screenshots go to {@code target/browser-screenshots}.
 */
public final class Browser implements AutoCloseable {

	public static final Path CHROMIUM = Path.of(env("GRASSROOTS_TEST_CHROMIUM", "/usr/bin/chromium"));

	public static final Path CHROMEDRIVER = Path.of(env("GRASSROOTS_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

	static final Duration WAIT = Duration.ofSeconds(15);

	private final WebDriver driver;

	private final String baseUrl;

	private final Path profile;

	private Browser(WebDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
	}

	/** Starts a browser for the console at {@code baseUrl} (e.g. {@code http://localhost:8181}). */
	public static Browser open(String baseUrl) {
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
		try {
			var profile = Files.createTempDirectory("grassroots-chromium-");
			var options = new ChromeOptions();
			options.setBinary(CHROMIUM.toFile());
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
					"--lang=zh-CN", "--user-data-dir=" + profile);
			var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
			return new Browser(new ChromeDriver(service, options), baseUrl, profile);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	/** Opens a path of the console. */
	public Browser go(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	/** Signs in through the login form and waits until the console has left the login page. */
	public Browser signIn(String username, String password) {
		go("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		return this;
	}

	/** Signs out with the header's button and waits for the login page. */
	public Browser signOut() {
		driver.findElement(By.id("gr-logout")).click();
		waitFor(ExpectedConditions.urlContains("/login"));
		return this;
	}

	public WebElement find(By by) {
		return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/** Scrolls the element to the middle of the window and clicks it. */
	public Browser click(By by) {
		var element = waitFor(ExpectedConditions.elementToBeClickable(by));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		element.click();
		return this;
	}

	public List<WebElement> all(By by) {
		return driver.findElements(by);
	}

	/**
	 * Waits for a condition; when it does not come, saves a screenshot and fails with the page's messages (the
	 * {@code #flash} area), which usually say why.
	 */
	public <T> T waitFor(Function<? super WebDriver, T> condition) {
		try {
			return new WebDriverWait(driver, WAIT).until(condition);
		}
		catch (TimeoutException e) {
			var shot = screenshot("failure-" + System.currentTimeMillis());
			var flash = driver.findElements(By.id("flash")).stream().map(WebElement::getText).findFirst().orElse("");
			throw new AssertionError("At " + driver.getCurrentUrl() + " (screenshot " + shot + "), messages: " + flash,
					e);
		}
	}

	/** The visible text of the page. */
	public String text() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String path() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	/** Saves what the browser shows as {@code target/browser-screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			var target = Path.of("target", "browser-screenshots", name + ".png");
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
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (var paths = Files.walk(profile)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException e) {
			// a leftover temporary profile does no harm
		}
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/**
	 * Skips browser tests with a message when Chromium or ChromeDriver is missing; with
	 * {@code GRASSROOTS_TEST_BROWSER=required} fails them instead.
	 */
	public static class Availability implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
				return ConditionEvaluationResult.enabled("Chromium and ChromeDriver found");
			}
			var missing = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (Debian: apt-get install chromium chromium-driver)";
			if ("required".equals(System.getenv("GRASSROOTS_TEST_BROWSER"))) {
				throw new IllegalStateException(missing + ", and GRASSROOTS_TEST_BROWSER=required");
			}
			return ConditionEvaluationResult.disabled("Skipped: " + missing);
		}

	}

}
