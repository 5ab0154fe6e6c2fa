package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * The duplicate check's index takes a new case at the end of a short run instead of at a random place (decision
 * cases-50). Its key was the category and then the latitude: a new case went to the leaf of its latitude among every
 * open case of its category, a random leaf of an index as large as the open cases, so once the index outgrew shared
 * buffers an intake read that leaf from the OS, dirtied it, and a backend wrote it back when it was evicted (a
 * full-page image too, the first time after a checkpoint). Now the key is the category, the band of latitude (1/500
 * of a degree, ≈ 222 m: {@code DuplicateFinder.BANDS_PER_DEGREE}, whose query names the same expression) and then
 * the report's instant: within a category and band the new case is the latest, so it goes to that run's last leaf —
 * one leaf per category and band, the same few thousand leaves all day, which stay in shared buffers.
 * <p>
 * The check reads the bands its box crosses (two or three) from its window's start on; latitude, longitude and region
 * stay key columns, checked inside the index, and the id is included: the read stays an index-only scan (cases-32).
 * PostgreSQL only, as V2026_12_06_20: H2 has neither expression indexes, partial ones nor {@code include}, and keeps
 * its index of the category and latitude, which serves the same query (the band's condition is checked there too).
 */
public class V2026_12_07_10__cases_duplicate_index_in_time_order_per_band extends TwoDialectMigration {

	@Override
	void migrate(Statement s, boolean postgres) throws SQLException {
		if (postgres) {
			s.execute("drop index cases_case_category_place");
			s.execute("create index cases_case_category_place on cases_case (category_standard, category_code,"
					+ " floor(latitude * 500), reported_at, latitude, longitude, region) include (id) where status in ("
					+ OPEN_STATES + ")");
		}
	}

}
