package io.grassroots.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema the build migrated (decisions 0038, 0040) replaces the migration of a fresh embedded database only when
 * it is the schema the jar's migrations build: same tables, columns, indexes and history, nothing left for Flyway to
 * run or to find wrong, so Flyway need not run at that start; a later start with a new migration migrates it as
 * always. Other URL options or Flyway settings leave the database to Flyway, and an existing file is never replaced.
 */
class PrebuiltSchemaTests {

	/** The embedded default's URL options, which the build's schema was made with. */
	private static final String OPTIONS = PrebuiltSchema.options(defaultUrl());

	@TempDir
	Path folder;

	@Test
	void aFreshDatabaseGetsTheBuildsSchemaWhichIsWhatTheMigrationsBuildHistoryIncluded() throws Exception {
		var copiedUrl = url("copied/grassroots");
		var migratedUrl = url("migrated/grassroots");

		assertThat(PrebuiltSchema.copyIfFresh(copiedUrl, settingsOfTheBuild())).isTrue();
		assertThat(folder.resolve("copied/grassroots.mv.db")).exists();
		var migrated = flyway(migratedUrl).migrate();

		assertThat(migrated.migrationsExecuted).isGreaterThanOrEqualTo(30);
		assertThat(schema(copiedUrl)).isNotEmpty().isEqualTo(schema(migratedUrl));
		var check = flyway(copiedUrl).validateWithResult();
		assertThat(check.validationSuccessful).as("%s", check.invalidMigrations).isTrue();
		assertThat(flyway(copiedUrl).info().pending()).isEmpty();
	}

	@Test
	void aLaterStartOfACopiedDatabaseMigratesANewMigrationAsAlways() throws Exception {
		var url = url("copied/grassroots");
		assertThat(PrebuiltSchema.copyIfFresh(url, settingsOfTheBuild())).isTrue();
		var added = Files.createDirectories(folder.resolve("added"));
		Files.writeString(added.resolve("V2099_01_01_1000__shared_added_later.sql"),
				"create table shared_added_later (id bigint primary key);\n");
		var later = Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration", "filesystem:" + added.toAbsolutePath())
			.load();

		assertThat(PrebuiltSchema.copyIfFresh(url, later.getConfiguration())).isFalse();
		var result = later.migrate();

		assertThat(result.migrationsExecuted).isEqualTo(1);
		assertThat(result.targetSchemaVersion).isEqualTo("2099.01.01.1000");
		assertThat(schema(url)).contains("shared_added_later.id bigint NO null")
			.anyMatch(row -> row.startsWith("history 2099.01.01.1000 V2099_01_01_1000__shared_added_later.sql "));
	}

	@Test
	void otherFlywaySettingsThanTheBuildsLeaveTheFreshDatabaseToFlyway() {
		var url = url("table/grassroots");
		var otherTable = Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration")
			.table("other_history")
			.load()
			.getConfiguration();
		var otherPlaceholder = Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("classpath:db/migration")
			.placeholders(Map.of("schema", "x"))
			.load()
			.getConfiguration();

		assertThat(PrebuiltSchema.copyIfFresh(url, otherTable)).isFalse();
		assertThat(PrebuiltSchema.copyIfFresh(url, otherPlaceholder)).isFalse();
		assertThat(folder.resolve("table")).doesNotExist();
	}

	@Test
	void settingsThatPrintedAlikeWhenJoinedIntoOneStringNoLongerCompareEqual() {
		var twoSchemas = configuration().schemas("a", "b").load().getConfiguration();
		var oneSchemaWithAComma = configuration().schemas("a, b").load().getConfiguration();
		var twoPlaceholders = configuration().placeholders(Map.of("a", "b", "c", "d")).load().getConfiguration();
		var onePlaceholderWithAComma = configuration().placeholders(Map.of("a", "b, c=d")).load().getConfiguration();

		assertThat(PrebuiltSchema.settings(twoSchemas)).isNotEqualTo(PrebuiltSchema.settings(oneSchemaWithAComma));
		assertThat(PrebuiltSchema.settings(twoPlaceholders))
			.isNotEqualTo(PrebuiltSchema.settings(onePlaceholderWithAComma));
		assertThat(PrebuiltSchema.settings(twoSchemas)).containsEntry("schemas", List.of("a", "b"));
		assertThat(PrebuiltSchema.settings(oneSchemaWithAComma)).containsEntry("schemas", List.of("a, b"));
		assertThat(PrebuiltSchema.settings(configuration().load().getConfiguration()))
			.isEqualTo(PrebuiltSchema.settings(settingsOfTheBuild()));
	}

	@Test
	void otherUrlOptionsThanTheBuildsLeaveTheFreshDatabaseToFlyway() {
		var url = url("other/grassroots") + ";CASE_INSENSITIVE_IDENTIFIERS=TRUE";

		assertThat(PrebuiltSchema.copyIfFresh(url, settingsOfTheBuild())).isFalse();
		assertThat(folder.resolve("other")).doesNotExist();
	}

	@Test
	void anExistingDatabaseFileIsNeverReplaced() throws Exception {
		var file = Files.createDirectories(folder.resolve("existing")).resolve("grassroots.mv.db");
		Files.writeString(file, "not a database");

		assertThat(PrebuiltSchema.copyIfFresh(url("existing/grassroots"), settingsOfTheBuild())).isFalse();
		assertThat(Files.readString(file)).isEqualTo("not a database");
	}

	@Test
	void onlyAnH2FileUrlIsConsidered() {
		try (var memory = new HikariDataSource(); var postgres = new HikariDataSource();
				var file = new HikariDataSource()) {
			memory.setJdbcUrl("jdbc:h2:mem:x" + OPTIONS);
			postgres.setJdbcUrl("jdbc:postgresql://127.0.0.1/x");
			file.setJdbcUrl("jdbc:h2:file:./data/grassroots" + OPTIONS);

			assertThat(PrebuiltSchema.h2FileUrl(memory)).isEmpty();
			assertThat(PrebuiltSchema.h2FileUrl(postgres)).isEmpty();
			assertThat(PrebuiltSchema.h2FileUrl(file)).contains("jdbc:h2:file:./data/grassroots" + OPTIONS);
			assertThat(PrebuiltSchema.databaseFile("jdbc:h2:file:./data/grassroots" + OPTIONS))
				.isEqualTo(Path.of("./data/grassroots.mv.db"));
		}
	}

	private static String defaultUrl() {
		var properties = new Properties();
		try (var in = new ClassPathResource("application.properties").getInputStream()) {
			properties.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return properties.getProperty("spring.datasource.url");
	}

	private String url(String name) {
		return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath() + OPTIONS;
	}

	/** Flyway as Spring Boot configures it from {@code application.properties}: the one migration set. */
	private Configuration settingsOfTheBuild() {
		return flyway(url("settings/grassroots")).getConfiguration();
	}

	/** Flyway's defaults with the one migration set, no data source: what {@link PrebuiltSchema#settings} reads. */
	private static FluentConfiguration configuration() {
		return Flyway.configure().locations("classpath:db/migration");
	}

	private static Flyway flyway(String url) {
		return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load();
	}

	/** Tables with their columns, and indexes with their columns, as H2 describes them (user schema only). */
	private static List<String> schema(String url) throws Exception {
		var rows = new ArrayList<String>();
		try (var connection = DriverManager.getConnection(url, "sa", "");
				var statement = connection.createStatement()) {
			try (var columns = statement.executeQuery("select table_name, column_name, data_type, is_nullable,"
					+ " column_default from information_schema.columns where table_schema = 'public'"
					+ " and table_name <> 'flyway_schema_history' order by table_name, ordinal_position")) {
				while (columns.next()) {
					rows.add(columns.getString(1) + "." + columns.getString(2) + " " + columns.getString(3) + " "
							+ columns.getString(4) + " " + columns.getString(5));
				}
			}
			try (var indexes = statement.executeQuery("select index_name, table_name, column_name, ordinal_position"
					+ " from information_schema.index_columns where table_schema = 'public'"
					+ " order by index_name, ordinal_position")) {
				while (indexes.next()) {
					rows.add("index " + indexes.getString(1) + " on " + indexes.getString(2) + "."
							+ indexes.getString(3));
				}
			}
			try (var history = statement.executeQuery("select version, script, checksum, success"
					+ " from flyway_schema_history order by installed_rank")) {
				while (history.next()) {
					rows.add("history " + history.getString(1) + " " + history.getString(2) + " "
							+ history.getString(3) + " " + history.getString(4));
				}
			}
		}
		return rows;
	}

}
