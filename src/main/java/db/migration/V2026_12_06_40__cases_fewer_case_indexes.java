package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Two indexes of {@code cases_case} fewer, twelve → ten (decision cases-35). Every INSERT and every transition's
 * UPDATE (none is HOT: each changes the state, a key column of the queue indexes) opens every index of the table
 * when its statement starts and enters the new row version into each whose predicate it meets:
 * <ul>
 * <li>{@code cases_case_due_at} goes: the sweep's red lights ({@code CaseQueries.lightChanges}) read the deadline
 * range of each open state from {@code cases_case_queue (status, due_at, …)}, whose second column it is — a clock runs
 * in the open states only, so the open states' ranges hold every running deadline. Six index entries fewer per
 * lifecycle, one per intake.</li>
 * <li>{@code cases_case_extension_queue (status, region) where extension_amount is not null} goes into
 * {@code cases_case_status_region}, which gets the pending extension as its third key column: the workbench's tab of
 * pending extensions reads the street's entries of its state there and skips those without a request inside the
 * index (no row fetched for them). The tab's state is an open one (IN_PROGRESS), so it implies the index's
 * predicate.</li>
 * </ul>
 * PostgreSQL keeps {@code status_region}'s predicate (the open states, as V2026_12_04_1910 and
 * {@code DuplicateFinder}); H2 has no partial indexes and gets the same key without it (this is why the migration is
 * Java, as V2026_12_04_1910).
 */
public class V2026_12_06_40__cases_fewer_case_indexes extends TwoDialectMigration {

	@Override
	void migrate(Statement s, boolean postgres) throws SQLException {
		s.execute("drop index cases_case_due_at");
		s.execute("drop index cases_case_extension_queue");
		s.execute("drop index cases_case_status_region");
		s.execute("create index cases_case_status_region on cases_case (status, region, extension_amount)"
				+ (postgres ? " where status in (" + OPEN_STATES + ")" : ""));
	}

}
