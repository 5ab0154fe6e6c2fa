package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * What the Java migrations share: DDL that must differ between PostgreSQL and H2 (partial indexes, {@code include},
 * {@code fillfactor}: STYLE 13, one migration set, two dialects), run as plain statements on Flyway's connection.
 * A migration says what to run in {@link #migrate(Statement, boolean)}; this class asks the connection which database
 * it is and gives it one statement to run them on.
 * <p>
 * Not a migration itself: Flyway's class path scanner skips abstract classes (11.x
 * {@code ClassUtils.loadClass}: abstract, enum and anonymous classes are not loaded as migrations; pinned by
 * {@code JavaMigrationsTests}). Java migrations have no checksum, so moving their lines here changes nothing Flyway
 * validates in a database they already migrated.
 */
abstract class TwoDialectMigration extends BaseJavaMigration {

	/**
	 * The open states, as {@code DuplicateFinder} lists them (its {@code OPEN} condition): a query's condition must
	 * imply a partial index's predicate for the index to serve it, so the two lists change together. A queue of one
	 * of these states ({@code status = ?} with the state's name) implies it too.
	 */
	static final String OPEN_STATES = "'REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', "
			+ "'PARKED', 'REPORTED_BACK'";

	@Override
	public final void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		var postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
		try (Statement statement = connection.createStatement()) {
			migrate(statement, postgres);
		}
	}

	/** Runs this migration's statements; {@code postgres} says whether the database is PostgreSQL (else H2). */
	abstract void migrate(Statement statement, boolean postgres) throws SQLException;

}
