package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The duplicate check's index holds the case's id too (decision cases-32): {@code cases_case_category_place} already
 * holds every other column the check reads (category, latitude, region, longitude, reported_at; the open states are
 * its predicate), so with the id among its columns ({@code include (id)}, not part of the key) PostgreSQL reads the
 * candidates from the index alone (an index-only scan) instead of fetching each candidate's row from the table: a
 * random page of the table per candidate, most of them old cases whose pages are no longer in shared buffers.
 * <p>
 * PostgreSQL only: H2 has neither partial indexes nor {@code include} (this is why the migration is Java, as
 * V2026_12_04_1910). The open states are those of V2026_12_04_1910 and {@code DuplicateFinder}'s condition.
 */
public class V2026_12_06_20__cases_duplicate_index_holds_the_id extends TwoDialectMigration {

	@Override
	void migrate(Statement s, boolean postgres) throws SQLException {
		if (postgres) {
			s.execute("drop index cases_case_category_place");
			s.execute("create index cases_case_category_place on cases_case (category_standard, category_code,"
					+ " latitude, region, longitude, reported_at) include (id) where status in (" + OPEN_STATES
					+ ")");
		}
	}

}
