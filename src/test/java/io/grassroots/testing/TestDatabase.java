package io.grassroots.testing;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the database of a test run. By default tests use the in-memory H2 of {@code config/application.properties}.
 * When the system property {@code grassroots.test.database=postgres} is set (the surefire execution "postgres"),
 * the run uses a fresh schema on the PostgreSQL server ({@code GRASSROOTS_TEST_POSTGRES_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}); if the server does not answer, the tests of that run are skipped
 * with a message, unless {@code GRASSROOTS_TEST_POSTGRES=required} (as in CI), which fails them instead.
 */
public class TestDatabase implements LauncherSessionListener {

	static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	static volatile String unavailable;

	public static boolean postgres() {
		return "postgres".equals(System.getProperty("grassroots.test.database"));
	}

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (!postgres()) {
			return;
		}
		var url = env("GRASSROOTS_TEST_POSTGRES_URL", DEFAULT_URL);
		var user = env("GRASSROOTS_TEST_POSTGRES_USER", "postgres");
		var password = env("GRASSROOTS_TEST_POSTGRES_PASSWORD", "");
		var schema = env("GRASSROOTS_TEST_POSTGRES_SCHEMA", "grassroots_test");
		try (var connection = DriverManager.getConnection(url, user, password);
				var statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + schema + " cascade");
			statement.execute("create schema " + schema);
		}
		catch (SQLException e) {
			unavailable = "PostgreSQL at " + url + " does not answer (" + e.getMessage() + ")";
			return;
		}
		System.setProperty("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		System.setProperty("spring.datasource.username", user);
		System.setProperty("spring.datasource.password", password);
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** Skips (or, when PostgreSQL is required, fails) every test of a PostgreSQL run whose server is unavailable. */
	public static class Availability implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (!postgres() || unavailable == null) {
				return ConditionEvaluationResult.enabled("database available");
			}
			if ("required".equals(System.getenv("GRASSROOTS_TEST_POSTGRES"))) {
				throw new IllegalStateException(unavailable + " but GRASSROOTS_TEST_POSTGRES=required");
			}
			return ConditionEvaluationResult.disabled(unavailable + ": PostgreSQL tests skipped");
		}

	}

}
