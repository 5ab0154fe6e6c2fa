package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.Databases;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
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

	@Autowired
	CaseQueries queries;

	@Test
	void theStateAndRegionIndexIsGoneAndTheQueueIndexesAreThere() {
		var names = names();
		assertThat(names).doesNotContain("cases_case_grid_status")
			.contains("cases_case_queue", "cases_case_status_region", "cases_case_lead_queue", "cases_case_grid_queue", "cases_case_warn_at",
					"cases_case_merged_into", "cases_case_category_place")
			// H2 names a unique constraint's index after the constraint, with a suffix
			.anyMatch(name -> name.startsWith("cases_case_intake_key"));
	}

	/**
	 * Decision cases-35: ten indexes, each opened by every INSERT and UPDATE of a case row. The deadline's own index
	 * and the pending extensions' are gone: the sweep's red lights read each state's deadlines from the queue index,
	 * the pending extensions are the third key column of the state and region index.
	 */
	@Test
	void theCaseTableHasTenIndexesWithoutTheDeadlineAndExtensionIndexes() {
		var names = names();
		assertThat(names).doesNotContain("cases_case_due_at", "cases_case_extension_queue");
		if (Databases.isPostgres(dataSource)) {
			assertThat(names).hasSize(10);
			assertThat(postgresIndexes().get("cases_case_status_region"))
				.contains("(status, region, extension_amount) WHERE ((status)::text = ANY");
		}
	}

	private java.util.Set<String> names() {
		return Databases.isPostgres(dataSource) ? postgresIndexes().keySet()
				: jdbc.sql("select lower(index_name) from information_schema.indexes where lower(table_name) = 'cases_case'")
					.query(String.class)
					.set();
	}

	@Test
	void onPostgresqlTheIndexesOfAPartOfTheTableArePartial() {
		assumeTrue(Databases.isPostgres(dataSource));
		var indexes = postgresIndexes();
		assertThat(indexes.get("cases_case_merged_into")).endsWith("WHERE (merged_into IS NOT NULL)");
		assertThat(indexes.get("cases_case_grid_queue")).endsWith("WHERE (grid IS NOT NULL)");
		assertThat(indexes.get("cases_case_lead_queue")).endsWith("WHERE (lead_department IS NOT NULL)");
		assertThat(indexes.get("cases_case_warn_at")).endsWith("WHERE (warn_at IS NOT NULL)");
		assertThat(indexes.get("cases_case_intake_key")).startsWith("CREATE UNIQUE INDEX")
			.endsWith("WHERE (intake_key IS NOT NULL)");
		assertThat(indexes.get("cases_case_category_place")).contains("WHERE ((status)::text = ANY")
			// the candidates' ids too, so that the duplicate check reads the index alone (cases-32)
			.contains("(category_standard, category_code, latitude, region, longitude, reported_at) INCLUDE (id)");
		assertThat(indexes.get("cases_case_status_region")).contains("WHERE ((status)::text = ANY");
		assertThat(indexes.get("cases_case_queue")).doesNotContain("WHERE");
	}

	/** On PostgreSQL a page of case rows keeps room for the new versions of its rows (decision 0022). */
	@Test
	void onPostgresqlCasePagesKeepRoomForTheirRowsNewVersions() {
		assumeTrue(Databases.isPostgres(dataSource));
		assertThat(jdbc.sql("select reloptions from pg_class where oid = 'cases_case'::regclass")
			.query((rs, n) -> String.valueOf(rs.getString(1)))
			.single()).contains("fillfactor=90");
	}

	/**
	 * A partial index serves a query only if the query's conditions imply its predicate: the duplicate check's list
	 * of open states must stay the index's. Each query is planned with the index under test as the only index of the
	 * table besides its keys (the others dropped inside a savepoint, rolled back), sequential and bitmap scans off:
	 * a query that cannot use it is planned on the table or a key's index instead.
	 */
	@Test
	void onPostgresqlTheDuplicateCheckReadsTheOpenCasesIndex() {
		assumeTrue(Databases.isPostgres(dataSource));
		var params = Map.<String, Object>of("standard", "CJT214", "code", "E0303", "since",
				Timestamp.from(Instant.parse("2026-12-01T00:00:00Z")), "region", "652301001001", "west", 87.2, "east",
				87.3, "south", 43.9, "north", 44.0);
		for (var point : List.of(true, false)) {
			assertThat(plannedOn("cases_case_category_place", DuplicateFinder.sql(point, true), params))
				.as("plan with a point: %s", point)
				.contains("using cases_case_category_place")
				.doesNotContain("Seq Scan");
		}
	}

	/** The duplicate check of a batch (cases-23), also with the batch's key query (cases-37), reads the same index. */
	@Test
	void onPostgresqlTheBatchDuplicateCheckReadsTheOpenCasesIndex() {
		assumeTrue(Databases.isPostgres(dataSource));
		assertThat(plannedOn("cases_case_category_place", withValues(DuplicateFinder.BATCH), Map.of()))
			.contains("using cases_case_category_place")
			.doesNotContain("Seq Scan");
		var withKeys = withValues(DuplicateFinder.BATCH_WITH_KEYS.replaceFirst("\\?", "'{k1,k2}'"));
		var reads = plannedOn("cases_case_category_place", withKeys, Map.of());
		assertThat(reads).contains("using cases_case_category_place");
		assertThat(reads.split("Seq Scan", -1)).as("only the key query's part, its index dropped here").hasSize(2);
		assertThat(plannedOn("cases_case_intake_key", withKeys, Map.of())).contains("using cases_case_intake_key");
	}

	/** {@link DuplicateFinder#BATCH}'s parameters as literals: two reports, one with a point in a community. */
	private static String withValues(String batch) {
		var sql = batch;
		for (var value : List.of("'{CJT214,CJT214}'", "'{E0303,E0303}'", "'{87.2,87.2}'", "'{87.3,87.3}'",
				"'{43.9,43.9}'", "'{44.0,44.0}'", "'{652301001001,652301001001}'",
				"'{2026-12-01T00:00:00Z,2026-12-01T00:00:00Z}'", "'{t,f}'", "'{t,t}'")) {
			sql = sql.replaceFirst("\\?", value);
		}
		return sql;
	}

	/** The other partial indexes serve the conditions the product reads them by. */
	@Test
	void onPostgresqlTheScopeAndSweepConditionsReadThePartialIndexes() {
		assumeTrue(Databases.isPostgres(dataSource));
		var id = Map.<String, Object>of("p", UUID.randomUUID());
		var at = Map.<String, Object>of("p", Timestamp.from(Instant.parse("2026-12-01T00:00:00Z")));
		assertThat(plannedOn("cases_case_merged_into", "select id from cases_case where merged_into = :p", id))
			.contains("cases_case_merged_into");
		assertThat(plannedOn("cases_case_grid_queue", "select id from cases_case c where c.grid = :p"
				+ " and c.status = 'REPORTED' order by c.due_at, c.reported_at desc, c.id limit 51", id))
			.contains("cases_case_grid_queue");
		assertThat(plannedOn("cases_case_lead_queue", "select id from cases_case c where c.lead_department = :p"
				+ " and c.status = 'DISPATCHED' order by c.due_at, c.reported_at desc, c.id limit 51", id))
			.contains("cases_case_lead_queue");
		assertThat(plannedOn("cases_case_warn_at", "select id from cases_case where warn_at > :p and warn_at <= :p", at))
			.contains("cases_case_warn_at");
		assertThat(plannedOn("cases_case_queue", CaseQueries.LIGHT_CHANGES.replace("warn_at > :after", "false"),
				Map.of("after", at.get("p"), "upTo", at.get("p"), "limit", 10)))
			.as("the red lights: each state's deadlines in the queue index")
			.contains("cases_case_queue")
			.contains("Index Cond: (((status)::text = ANY");
		assertThat(plannedOn("cases_case_status_region", "select id from cases_case c where c.status = 'IN_PROGRESS'"
				+ " and c.region >= :p and c.region < '652301002' and c.extension_amount is not null",
				Map.of("p", "652301001")))
			.as("the pending extensions: skipped inside the index when there is no request")
			.contains("cases_case_status_region")
			.contains("extension_amount IS NOT NULL)");
		assertThat(plannedOn("cases_case_status_region", "select id from cases_case c where c.status = 'IN_PROGRESS'"
				+ " and c.region >= :p and c.region < '652301001002'", Map.of("p", "652301001001")))
			.contains("cases_case_status_region");
		assertThat(plannedOn("cases_case_intake_key", "select intake_key from cases_case where intake_key in (:p)",
				Map.of("p", List.of("a", "b"))))
			.contains("cases_case_intake_key");
	}

	/**
	 * Decision cases-40: a queue page names each of its states as a literal, on both databases, so that no plan of it
	 * is made for a state it does not read.
	 */
	@Test
	void aQueuePageNamesItsStatesAsLiteralsNotParameters() {
		var grid = queries.statement(CaseTesting.gridWorker(UUID.randomUUID()),
				CaseFilter.of(CaseStatus.EVALUATED, CaseStatus.REPORTED), null, 50);
		assertThat(grid.sql()).contains("c.status = 'EVALUATED'", "c.status = 'REPORTED'").doesNotContain(":status");
		assertThat(grid.params().values()).doesNotContain("EVALUATED", "REPORTED");
		var inbox = queries.statement(CaseTesting.withScope(Role.DEPARTMENT_HANDLER,
				DataScope.department(UUID.randomUUID(), CaseTesting.WEST_STREET)), CaseFilter.of(CaseStatus.DISPATCHED),
				null, 50);
		assertThat(inbox.sql()).contains("c.status = 'DISPATCHED'", "a.case_status = 'DISPATCHED'");
	}

	/**
	 * Decision cases-40: the plan PostgreSQL keeps for a queue statement from a pooled connection's 6th execution on
	 * (its generic plan, under {@code plan_cache_mode = auto}) knows the state it reads: the grid worker's queue starts
	 * its index scan at the grid and the state (with the state a parameter, the generic plan was made for an average
	 * state: on a 300,000-case city a bitmap scan of every case of the grid in it and a sort), the pending extensions
	 * are read from the state's part of the state and region index, not from the whole state in the queue index.
	 */
	@Test
	void onPostgresqlTheGenericPlansOfTheQueuesKnowTheirState() {
		assumeTrue(Databases.isPostgres(dataSource));
		var grid = queries.statement(CaseTesting.gridWorker(UUID.randomUUID()), CaseFilter.of(CaseStatus.EVALUATED),
				null, 50);
		assertThat(genericPlanOn("cases_case_grid_queue", grid))
			.contains("using cases_case_grid_queue")
			.containsPattern("Index Cond: \\(\\(grid = \\$\\d+\\) AND \\(\\(status\\)::text = 'EVALUATED'::text\\)\\)");
		var extensions = queries.statement(CaseTesting.withScope(Role.DISPATCHER,
				DataScope.region(CaseTesting.WEST_STREET)), new CaseFilter(Set.of(CaseStatus.IN_PROGRESS), null, true,
						null), null, 50);
		assertThat(genericPlanOn("cases_case_status_region", extensions))
			.contains("using cases_case_status_region")
			.contains("(status)::text = 'IN_PROGRESS'::text");
	}

	/**
	 * The generic plan of a queue page's statement, prepared on the server and executed under
	 * {@code plan_cache_mode = force_generic_plan}, when {@code index} is the only index of cases_case that no key
	 * constraint owns.
	 */
	private String genericPlanOn(String index, CaseQueries.Statement statement) {
		var source = new MapSqlParameterSource(statement.params());
		var parsed = NamedParameterUtils.parseSqlStatement(statement.sql());
		var sql = NamedParameterUtils.substituteNamedParameters(parsed, source);
		var values = NamedParameterUtils.buildValueArray(parsed, source, null);
		var numbered = new StringBuilder();
		var n = 0;
		for (var part : sql.split("\\?", -1)) {
			numbered.append(n == 0 ? "" : "$" + n).append(part);
			n++;
		}
		var arguments = java.util.Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(", "));
		jdbc.sql("savepoint only_one_index").update();
		jdbc.sql("set local enable_seqscan = off").update();
		jdbc.sql("set local enable_bitmapscan = off").update();
		jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
		dropIndexesBut(index);
		jdbc.sql("prepare queue_page as " + numbered).update();
		try {
			return String.join("\n",
					jdbc.sql("explain execute queue_page(" + arguments + ")").query(String.class).list());
		}
		finally {
			jdbc.sql("rollback to savepoint only_one_index").update();
			jdbc.sql("deallocate queue_page").update();
		}
	}

	/** The plan of a query when {@code index} is the only index of cases_case that no key constraint owns. */
	private String plannedOn(String index, String sql, Map<String, Object> params) {
		jdbc.sql("savepoint only_one_index").update();
		jdbc.sql("set local enable_seqscan = off").update();
		jdbc.sql("set local enable_bitmapscan = off").update();
		dropIndexesBut(index);
		var plan = String.join("\n", jdbc.sql("explain " + sql).params(params).query(String.class).list());
		jdbc.sql("rollback to savepoint only_one_index").update();
		return plan;
	}

	/** Drops (until the savepoint is rolled back to) every index of cases_case but {@code index} and the keys'. */
	private void dropIndexesBut(String index) {
		for (var other : jdbc.sql("select indexname from pg_indexes where tablename = 'cases_case'"
				+ " and schemaname = current_schema() and indexname <> :index"
				+ " and indexname not in (select conname from pg_constraint)")
			.param("index", index)
			.query(String.class)
			.list()) {
			jdbc.sql("drop index " + other).update();
		}
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
