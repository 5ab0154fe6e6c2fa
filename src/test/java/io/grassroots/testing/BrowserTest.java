package io.grassroots.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port, driven by a real headless Chromium ({@link Browser}). Tagged
 * {@code browser}: runs on H2 in the default test run, not again on PostgreSQL. Skipped with a message when
 * Chromium or ChromeDriver is missing, unless {@code GRASSROOTS_TEST_BROWSER=required} (as in CI).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(Browser.Availability.class)
@Tag("browser")
public @interface BrowserTest {
}
