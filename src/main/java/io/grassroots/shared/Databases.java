package io.grassroots.shared;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;

/**
 * Which database a data source talks to, for the few statements whose best form differs between PostgreSQL (production)
 * and H2 (the embedded default).
 */
public final class Databases {

	private Databases() {
	}

	/** Whether the data source is PostgreSQL; {@code false} for H2, and when the metadata cannot be read. */
	public static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
			return "PostgreSQL".equalsIgnoreCase(product);
		}
		catch (Exception e) {
			return false;
		}
	}

}
