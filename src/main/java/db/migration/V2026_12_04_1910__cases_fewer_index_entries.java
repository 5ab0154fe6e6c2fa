package db.migration;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fewer index entries per case row (decision cases-18). Every index of {@code cases_case} takes an entry for each
 * inserted row and for each UPDATE that is not HOT — and every transition changes {@code status}, which the queue
 * indexes hold, so none is HOT: seven row versions per lifecycle, each entered into every index.
 * <p>
 * PostgreSQL only: the indexes whose queries read a part of the table become partial indexes of that part, so that a
 * row outside it takes no entry: a case's {@code merged_into}, {@code grid}, {@code lead_department}, pending
 * extension, running clock ({@code warn_at}, {@code due_at}) and idempotency key are only read by conditions that hold
 * for non-null values; the duplicate check and the small queues of a community's open states
 * ({@code cases_case_status_region}) read only open cases. H2 has no partial indexes: it keeps the plain ones (the
 * same names, the same queries; the plans differ anyway). This is why the migration is Java and not SQL: one
 * migration set, two dialects of DDL (STYLE 13, the preamble's rule for SQL that must differ).
 * <p>
 * Both databases: a grid worker's queue reads {@code cases_case_grid_queue (grid, status, due_at, reported_at desc)}
 * in the queue's order and stops after a page, like a department's ({@code cases_case_lead_queue}); it replaces
 * {@code cases_case_grid_status (grid, status)}, from which each state's cases of the grid were all fetched and
 * sorted (850 buffers for a grid's evaluated cases on the 1,000,000-case city, 55 now).
 */
public class V2026_12_04_1910__cases_fewer_index_entries extends TwoDialectMigration {

	private static final String[] POSTGRESQL = {
			// read by merged_into = ? (the cases merged into one): null but for merged cases
			"drop index cases_case_merged_into",
			"create index cases_case_merged_into on cases_case (merged_into) where merged_into is not null",
			// read by grid = ? (a grid worker's queue): null for cases placed outside the grids
			"create index cases_case_grid_queue on cases_case (grid, status, due_at, reported_at desc)"
					+ " where grid is not null",
			// read by lead_department = ? (a department's orders): null until a case is dispatched
			"drop index cases_case_lead_queue",
			"create index cases_case_lead_queue on cases_case (lead_department, status, due_at, reported_at desc)"
					+ " where lead_department is not null",
			// the deadline sweep's ranges (CaseQueries.lightChanges, overdue, lit): null while no clock runs
			"drop index cases_case_warn_at",
			"create index cases_case_warn_at on cases_case (warn_at) where warn_at is not null",
			"drop index cases_case_due_at",
			"create index cases_case_due_at on cases_case (due_at) where due_at is not null",
			// the workbench's pending extensions: only while a request waits for the dispatcher (was the key's first
			// column, so that the rows without a request shared a null key)
			"drop index cases_case_extension_queue",
			"create index cases_case_extension_queue on cases_case (status, region) where extension_amount is not null",
			// the duplicate check reads open cases only: the state is the predicate instead of the key's last column;
			// the region after the latitude makes its community parts (a report without a point: the community's
			// cases of the category, and those without a point) exact ranges; they read cases_case_status_region
			"drop index cases_case_category_place",
			"create index cases_case_category_place on cases_case (category_standard, category_code, latitude, region,"
					+ " longitude, reported_at) where status in (" + OPEN_STATES + ")",
			// a community's queue of an open state (a few dozen rows of a state that has tens of thousands in the
			// city: cases_case_queue would walk the whole state for them); the closed states' queues read
			// cases_case_queue in its order, as they did before
			"drop index cases_case_status_region",
			"create index cases_case_status_region on cases_case (status, region) where status in (" + OPEN_STATES + ")",
			// the idempotency key: unique among the cases that have one (a unique constraint cannot be partial; the
			// index keeps the constraint's name, and a second case with the same key still fails to insert)
			"alter table cases_case drop constraint cases_case_intake_key",
			"create unique index cases_case_intake_key on cases_case (intake_key) where intake_key is not null" };

	@Override
	void migrate(Statement s, boolean postgres) throws SQLException {
		s.execute("drop index cases_case_grid_status");
		if (postgres) {
			for (var sql : POSTGRESQL) {
				s.execute(sql);
			}
		}
		else {
			s.execute("create index cases_case_grid_queue on cases_case (grid, status, due_at, reported_at desc)");
		}
	}

}
