package io.grassroots.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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

	/**
	 * An instant as the value to bind to a {@code timestamp with time zone} parameter (null stays null): a
	 * {@code java.time} value in UTC, which pgjdbc writes as text directly and sends typed as {@code timestamptz} (H2
	 * takes it as well). A {@code java.sql.Timestamp} went through pgjdbc's shared {@code GregorianCalendar} on every
	 * bind: the calendar's field computation, and a formatting method that was one of the largest compilations of the
	 * JIT's C2 compiler on a case transition's path (bench/RESULTS.md § lifecycle, 2026-12-06). Every
	 * {@code timestamp} column of the schema is {@code with time zone}; a column without one would take the value in
	 * the session's time zone instead.
	 */
	public static OffsetDateTime timestamptz(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

}
