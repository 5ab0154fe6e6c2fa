package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Room on each page of {@code cases_case} for the new versions of its own rows (decision 0022). A case row is written
 * seven times in a lifecycle (one INSERT, six UPDATEs), and none of them is HOT: every transition changes the state,
 * which eight of the table's twelve indexes hold. With pages filled to the brim by INSERTs, a transition's new row
 * version goes to another page — one the free-space map offers, most often an old page that vacuum emptied — so a
 * transition changes two heap pages (the old version's, for its end mark, and the new version's), and each of them is
 * logged whole the first time it changes after a checkpoint; the new version is logged in full. With 10 % of each page
 * kept free by INSERTs ({@code fillfactor = 90}), the new version fits on the old version's page (its dead versions are
 * pruned when the page runs short): one page per transition, and the version logged as its difference from the old.
 * Existing pages keep their rows; the setting applies to pages filled from now on.
 * <p>
 * PostgreSQL only: H2 has no fillfactor (this is why the migration is Java, as V2026_12_04_1910).
 */
public class V2026_12_06_2__cases_case_room_for_updates extends TwoDialectMigration {

	@Override
	void migrate(Statement s, boolean postgres) throws SQLException {
		if (postgres) {
			s.execute("alter table cases_case set (fillfactor = 90)");
		}
	}

}
