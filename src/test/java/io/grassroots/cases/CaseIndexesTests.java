package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.grassroots.shared.Databases;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The indexes of {@code cases_case} after decision cases-18: a grid's queue is read in its order on both databases; on
 * PostgreSQL the indexes read for a part of the table hold only that part, and the queries still find them.
 */
@IntegrationTest
@Transactional
class CaseIndexesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void theStateAndRegionIndexIsGoneAndTheQueueIndexesAreThere() {
		var names = Databases.isPostgres(dataSource) ? postgresIndexes().keySet()
				: jdbc.sql("select lower(index_name) from information_schema.indexes where lower(table_name) = 'cases_case'")
					.query(String.class)
					.set();
		assertThat(names).doesNotContain("cases_case_grid_status")
			.contains("cases_case_queue", "cases_case_status_region", "cases_case_lead_queue", "cases_case_grid_queue", "cases_case_warn_at",
					"cases_case_due_at", "cases_case_merged_into", "cases_case_category_place",
					"cases_case_extension_queue")
			// H2 names a unique constraint's index after the constraint, with a suffix
			.anyMatch(name -> name.startsWith("cases_case_intake_key"));
	}

	@Test
	void onPostgresqlTheIndexesOfAPartOfTheTableArePartial() {
		assumeTrue(Databases.isPostgres(dataSource));
		var indexes = postgresIndexes();
		assertThat(indexes.get("cases_case_merged_into")).endsWith("WHERE (merged_into IS NOT NULL)");
		assertThat(indexes.get("cases_case_grid_queue")).endsWith("WHERE (grid IS NOT NULL)");
		assertThat(indexes.get("cases_case_lead_queue")).endsWith("WHERE (lead_department IS NOT NULL)");
		assertThat(indexes.get("cases_case_warn_at")).endsWith("WHERE (warn_at IS NOT NULL)");
		assertThat(indexes.get("cases_case_due_at")).endsWith("WHERE (due_at IS NOT NULL)");
		assertThat(indexes.get("cases_case_extension_queue")).endsWith("WHERE (extension_amount IS NOT NULL)");
		assertThat(indexes.get("cases_case_intake_key")).startsWith("CREATE UNIQUE INDEX")
			.endsWith("WHERE (intake_key IS NOT NULL)");
		assertThat(indexes.get("cases_case_category_place")).contains("WHERE ((status)::text = ANY");
		assertThat(indexes.get("cases_case_status_region")).contains("WHERE ((status)::text = ANY");
		assertThat(indexes.get("cases_case_queue")).doesNotContain("WHERE");
	}

	/**
	 * A partial index serves a query only if the query's conditions imply its predicate: the duplicate check's list
	 * of open states must stay the index's. With sequential and bitmap scans off, a query that cannot use the index
	 * would be planned on another one or on the table.
	 */
	@Test
	void onPostgresqlTheDuplicateCheckReadsTheOpenCasesIndex() {
		assumeTrue(Databases.isPostgres(dataSource));
		jdbc.sql("set local enable_seqscan = off").update();
		jdbc.sql("set local enable_bitmapscan = off").update();
		for (var point : List.of(true, false)) {
			var plan = jdbc.sql("explain " + DuplicateFinder.sql(point, true))
				.param("standard", "CJT214")
				.param("code", "E0303")
				.param("since", Timestamp.from(Instant.parse("2026-12-01T00:00:00Z")))
				.param("region", "652301001001")
				.param("west", 87.2)
				.param("east", 87.3)
				.param("south", 43.9)
				.param("north", 44.0)
				.query(String.class)
				.list();
			assertThat(plan).as("plan with a point: %s", point)
				.anyMatch(line -> line.contains("using cases_case_category_place"))
				.noneMatch(line -> line.contains("Seq Scan"));
		}
	}

	/** The other partial indexes serve the conditions the product reads them by. */
	@Test
	void onPostgresqlTheScopeAndSweepConditionsReadThePartialIndexes() {
		assumeTrue(Databases.isPostgres(dataSource));
		jdbc.sql("set local enable_seqscan = off").update();
		jdbc.sql("set local enable_bitmapscan = off").update();
		var id = UUID.randomUUID();
		var at = Timestamp.from(Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(plan("select id from cases_case where merged_into = :p", id)).contains("cases_case_merged_into");
		assertThat(plan("select id from cases_case c where c.grid = :p and c.status = 'REPORTED'"
				+ " order by c.due_at, c.reported_at desc, c.id limit 51", id))
			.contains("cases_case_grid_queue");
		assertThat(plan("select id from cases_case c where c.lead_department = :p and c.status = 'DISPATCHED'"
				+ " order by c.due_at, c.reported_at desc, c.id limit 51", id))
			.contains("cases_case_lead_queue");
		assertThat(plan("select id from cases_case where warn_at > :p and warn_at <= :p", at))
			.contains("cases_case_warn_at");
		assertThat(plan("select id from cases_case where due_at <= :p order by due_at, id limit 10", at))
			.contains("cases_case_due_at");
		assertThat(plan("select id from cases_case c where c.status = 'IN_PROGRESS' and c.region >= :p"
				+ " and c.extension_amount is not null", "652301001"))
			.contains("cases_case_extension_queue");
		assertThat(plan("select id from cases_case c where c.status = 'IN_PROGRESS' and c.region = :p", "652301001001"))
			.contains("cases_case_status_region");
		assertThat(plan("select intake_key from cases_case where intake_key in (:p)", List.of("a", "b")))
			.contains("cases_case_intake_key");
	}

	private String plan(String sql, Object parameter) {
		return String.join("\n", jdbc.sql("explain " + sql).param("p", parameter).query(String.class).list());
	}

	private Map<String, String> postgresIndexes() {
		return jdbc.sql("select indexname, indexdef from pg_indexes where tablename = 'cases_case'"
				+ " and schemaname = current_schema()")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

}
