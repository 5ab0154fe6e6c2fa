package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * More room on each page of {@code cases_case} for the new versions of its rows: {@code fillfactor} 90 → 85 (decision
 * 0022, amended 2026-12-06 (wal4)). A case row grows by ≈ 90 bytes from the report to its closing (the milestones'
 * timestamps, the lead department, the outcome), and a transition's new version needs room beside the old ones until
 * they are pruned, which a transaction still running elsewhere delays. With 13 rows a page (90 %) that room runs out
 * on busy pages and the new version moves to another page: the case leaves a hole on its page, which the next
 * {@code VACUUM} offers to new cases, and every new case written into such an old page is one more full-page image
 * after a checkpoint. With 12 rows a page (85 %) the versions stay, and a page with a hole clears the raised
 * threshold for new rows (a row and 15 % of the page) less often.
 * <p>
 * The setting is read by every INSERT (and every UPDATE whose new version leaves its page): a page takes a new row
 * only if 15 % of it stays free. It does not repack pages already filled: no rewrite, the table is not read (a lock
 * for a moment, as V2026_12_06_2). PostgreSQL only: H2 has no fillfactor.
 */
public class V2026_12_06_11__cases_case_more_room_for_updates extends TwoDialectMigration {

	@Override
	void migrate(Statement s, boolean postgres) throws SQLException {
		if (postgres) {
			s.execute("alter table cases_case set (fillfactor = 85)");
		}
	}

}
