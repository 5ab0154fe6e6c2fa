package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code cases_case}'s {@code fillfactor} back from 85 to 90 (decision 0022, amended 2026-12-06 (wal5)). With 85 a page
 * filled by INSERTs keeps so much free that, once its cases are finished and a {@code VACUUM} has recorded the room,
 * most pages take one or two more new rows beside the 15 % reserve: every such new case is written into an old page,
 * logged whole at its first change after a checkpoint. With 90 a finished page keeps room for its rows' growth and
 * one new version but not for a new row. Measured with a warm-up whose cases move one at a time (the pace of a
 * server's pages): 319 of 417 pages offered room at 85, 11 of 348 at 90; right after a checkpoint 0.99 against 0.04
 * case-page images per lifecycle.
 * <p>
 * The setting is read by every INSERT and by every UPDATE whose new version leaves its page; pages already filled keep
 * their rows: no rewrite, the table is not read (a lock for a moment). PostgreSQL only: H2 has no fillfactor.
 */
public class V2026_12_06_50__cases_case_room_without_holes extends TwoDialectMigration {

	@Override
	void migrate(Statement s, boolean postgres) throws SQLException {
		if (postgres) {
			s.execute("alter table cases_case set (fillfactor = 90)");
		}
	}

}
