package io.grassroots.shared;

import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL settings of the product's own sessions, set when each pooled connection opens (pgjdbc's startup
 * {@code options}, no extra round trip), whatever the server's configuration says.
 *
 * <p>
 * {@code grassroots.postgres.backend-flush-after} (default {@code 256kB}, as {@code deploy/postgresql.conf}; empty
 * leaves the server's value): a backend that evicts dirty pages itself asks the kernel to write them out every that
 * many bytes, instead of leaving them in the host's page cache until its dirty expiry writes them in one burst behind
 * which the commits' WAL flushes wait (decision 0032). The setting's context is {@code user}, so a session may set it
 * without any privilege. H2 (the embedded default) is left alone.
 */
@Component
class PostgresSessionSettings implements BeanPostProcessor {

	static final String BACKEND_FLUSH_AFTER = "grassroots.postgres.backend-flush-after";

	/** A PostgreSQL size: a number of 8-kB pages, or kB/MB; PostgreSQL checks the range (0–2MB). */
	private static final Pattern SIZE = Pattern.compile("[0-9]+(kB|MB)?");

	private final String backendFlushAfter;

	PostgresSessionSettings(Environment environment) {
		this.backendFlushAfter = environment.getProperty(BACKEND_FLUSH_AFTER, "256kB").strip();
		if (!backendFlushAfter.isEmpty() && !SIZE.matcher(backendFlushAfter).matches()) {
			throw new IllegalArgumentException(
					BACKEND_FLUSH_AFTER + " must be a size such as 256kB (or empty), not '" + backendFlushAfter + "'");
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				&& hikari.getJdbcUrl().startsWith("jdbc:postgresql:") && !backendFlushAfter.isEmpty()) {
			var properties = hikari.getDataSourceProperties();
			var given = properties.getProperty("options", "").strip();
			var ours = "-c backend_flush_after=" + backendFlushAfter;
			hikari.addDataSourceProperty("options", given.isEmpty() ? ours : given + " " + ours);
		}
		return bean;
	}

}
