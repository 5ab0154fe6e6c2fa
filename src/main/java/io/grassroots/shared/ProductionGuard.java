package io.grassroots.shared;

import java.util.Arrays;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Stops a production start that would quietly run on the embedded database: with the {@code prod} profile the
 * database URL must be given (DATABASE_URL) and must not be H2.
 */
public class ProductionGuard implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			return;
		}
		var url = environment.getProperty("DATABASE_URL");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("""
					The prod profile needs a PostgreSQL database, but DATABASE_URL is not set.
					Set DATABASE_URL (for example jdbc:postgresql://db.example:5432/grassroots), DATABASE_USERNAME,
					DATABASE_PASSWORD and GRASSROOTS_PERSONAL_DATA_KEY, then start again. See docs/operations.md.""");
		}
		if (url.startsWith("jdbc:h2:")) {
			throw new IllegalStateException(
					"The prod profile refuses the embedded H2 database (DATABASE_URL=" + url + "): use PostgreSQL.");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
