package io.grassroots;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java migrations of {@code db.migration} share an abstract base ({@code TwoDialectMigration}): Flyway runs each
 * of them and never the base, their schema history rows carry no checksum (so moving lines into the base changes
 * nothing Flyway validates), and a database they migrated validates and has nothing left to run. The test database
 * is fresh when the context starts (H2 in memory, or a schema created for the run on PostgreSQL), so the context's
 * own start is the fresh migration.
 */
@IntegrationTest
class JavaMigrationsTests {

	private static final String BASE = "db.migration.TwoDialectMigration";

	@Autowired
	Flyway flyway;

	@Autowired
	JdbcClient jdbc;

	@Test
	void flywayRunsEveryJavaMigrationOfThePackageButNotTheirAbstractBase() throws Exception {
		var concrete = new ArrayList<String>();
		for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*.class")) {
			var name = resource.getFilename().replace(".class", "");
			var type = Class.forName("db.migration." + name);
			if (JavaMigration.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
				concrete.add(name);
			}
		}
		assertThat(Modifier.isAbstract(Class.forName(BASE).getModifiers())).isTrue();
		assertThat(concrete).hasSizeGreaterThanOrEqualTo(6).doesNotContain("TwoDialectMigration");

		var java = javaMigrations();
		assertThat(java).extracting(MigrationInfo::getScript)
			.containsExactlyInAnyOrderElementsOf(concrete.stream().map(n -> "db.migration." + n).toList());
		assertThat(java).allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
	}

	@Test
	void javaMigrationsAreAppliedWithoutAChecksumSoTheirCodeIsNotValidated() {
		var java = javaMigrations();
		assertThat(java).isNotEmpty().allSatisfy(m -> assertThat(m.getChecksum()).isNull());
		var rows = jdbc.sql("select count(*) from flyway_schema_history where type = 'JDBC' and checksum is null")
			.query(Integer.class)
			.single();
		assertThat(rows).isEqualTo(java.size());
	}

	@Test
	void aMigratedDatabaseValidatesAndHasNothingLeftToRun() {
		assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
		assertThat(flyway.info().pending()).isEmpty();
		assertThat(flyway.migrate().migrationsExecuted).isZero();
	}

	@Test
	void theBaseTellsTheDialectsApart() {
		var statusRegion = jdbc.sql(TestDatabase.postgres()
				? "select indexdef from pg_indexes where indexname = 'cases_case_status_region'"
						+ " and schemaname = current_schema()"
				: "select index_name from information_schema.indexes where index_name = 'cases_case_status_region'")
			.query(String.class)
			.single();
		if (TestDatabase.postgres()) {
			// V2026_12_06_40 on PostgreSQL: the partial index over the open states; V2026_12_06_50: fillfactor 90
			assertThat(statusRegion).contains("(status, region, extension_amount)").contains("WHERE");
			var options = jdbc.sql("select array_to_string(reloptions, ',') from pg_class where oid = 'cases_case'::regclass")
				.query(String.class)
				.single();
			assertThat(options).isEqualTo("fillfactor=90");
		}
		else {
			assertThat(statusRegion).isEqualTo("cases_case_status_region");
		}
	}

	private List<MigrationInfo> javaMigrations() {
		return Arrays.stream(flyway.info().all()).filter(m -> m.getType().name().equals("JDBC")).toList();
	}

}
