package io.grassroots.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * A fresh embedded H2 database starts as a copy of the schema that the build migrated (decisions 0038, 0040): the
 * build runs the migrations of {@code db/migration} — the one migration set of H2 and PostgreSQL — on an empty H2 file
 * ({@link #main}, {@code process-classes}) and puts the file into the jar with a key: the SHA-256 of every file in
 * {@code db/migration} (SQL scripts and Java migration classes, by name and content), H2's and Flyway's versions and
 * the URL's options. At a start whose H2 file does not exist yet, this strategy copies the file in place when the key
 * matches the running jar's and Flyway's settings are the build's ({@link #settings}); the key then proves that the
 * copy is what the migrations build, history table included, so Flyway does not run at that start (0040). When
 * anything differs — another migration, another H2 or Flyway, other URL options or Flyway settings, no file in the
 * jar — nothing is copied and Flyway migrates the empty database as before. PostgreSQL, an H2 file that exists
 * already (a copy included, at its later starts) and an in-memory H2 are migrated as before.
 */
@Component
class PrebuiltSchema implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(PrebuiltSchema.class);

	/** Where the build puts the file and its key inside the jar. */
	static final String FOLDER = "db/prebuilt/";

	static final String FILE = FOLDER + "schema.mv.db";

	static final String KEY = FOLDER + "schema.key";

	private static final String H2_FILE = "jdbc:h2:file:";

	private static final String MIGRATIONS = "db/migration";

	private final boolean enabled;

	PrebuiltSchema(@Value("${grassroots.database.prebuilt-schema:true}") boolean enabled) {
		this.enabled = enabled;
	}

	@Override
	public void migrate(Flyway flyway) {
		var threads = ManagementFactory.getThreadMXBean();
		var cpu = threads.getCurrentThreadCpuTime();
		var started = System.nanoTime();
		var configuration = flyway.getConfiguration();
		var copied = enabled && h2FileUrl(configuration.getDataSource())
			.map(url -> copyIfFresh(url, configuration))
			.orElse(false);
		if (copied) {
			log.info("Schema copied from the build's migrated schema (decisions 0038, 0040): Flyway not run; {} ms"
					+ " (CPU {} ms)", (System.nanoTime() - started) / 1_000_000,
					(threads.getCurrentThreadCpuTime() - cpu) / 1_000_000);
			return;
		}
		var copyCpu = threads.getCurrentThreadCpuTime() - cpu;
		var result = flyway.migrate();
		log.info("Schema migrated: {} migration(s) executed; {} ms (CPU {} ms, of which the key {} ms)",
				result.migrationsExecuted, (System.nanoTime() - started) / 1_000_000,
				(threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, copyCpu / 1_000_000);
	}

	/** The JDBC URL when the data source is an H2 file database, else empty. */
	static Optional<String> h2FileUrl(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
				&& hikari.getJdbcUrl().startsWith(H2_FILE)) {
			return Optional.of(hikari.getJdbcUrl());
		}
		return Optional.empty();
	}

	/** The database file of an H2 file URL ({@code jdbc:h2:file:./data/x;…} → {@code ./data/x.mv.db}). */
	static Path databaseFile(String url) {
		var rest = url.substring(H2_FILE.length());
		var semicolon = rest.indexOf(';');
		return Path.of((semicolon < 0 ? rest : rest.substring(0, semicolon)) + ".mv.db");
	}

	/** The URL's options ({@code ;MODE=…;…}), which H2 partly stores with the database, part of the key. */
	static String options(String url) {
		var semicolon = url.indexOf(';');
		return semicolon < 0 ? "" : url.substring(semicolon);
	}

	/**
	 * Copies the build's schema to the URL's database file if that file does not exist, the key matches and Flyway's
	 * settings are the build's; answers whether it did. Never replaces a file: a database that appeared meanwhile
	 * stays as it is.
	 */
	static boolean copyIfFresh(String url, Configuration configuration) {
		var target = databaseFile(url);
		if (url.contains("~") || Files.exists(target)) {
			return false;
		}
		if (!settings(configuration).equals(settings(buildConfiguration()))) {
			log.info("Flyway's settings are not the ones the build migrated its schema with; migrating");
			return false;
		}
		var file = new ClassPathResource(FILE);
		var key = new ClassPathResource(KEY);
		try {
			if (!file.exists() || !key.exists()) {
				return false;
			}
			String expected;
			try (var in = key.getInputStream()) {
				expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
			}
			var actual = key(options(url));
			if (!expected.equals(actual)) {
				log.info("The build's migrated schema does not match this jar's migrations, H2 or URL options; migrating");
				return false;
			}
			var folder = target.toAbsolutePath().getParent();
			Files.createDirectories(folder);
			var part = Files.createTempFile(folder, target.getFileName().toString(), ".part");
			try {
				try (var in = file.getInputStream()) {
					Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
				}
				Files.move(part, target);
				return true;
			}
			catch (FileAlreadyExistsException e) {
				return false;
			}
			finally {
				Files.deleteIfExists(part);
			}
		}
		catch (IOException e) {
			log.warn("Could not copy the build's migrated schema ({}); migrating", e.toString());
			return false;
		}
	}

	/**
	 * What, beside the migration files, decides which schema and history Flyway builds: where it finds migrations,
	 * its history table and schemas, placeholders, target, file naming, callbacks, migrations given as objects and
	 * custom providers. One named entry per setting, each value as Flyway holds it (lists, a map, {@code null}), so
	 * two different settings never compare equal, as they could once joined into one string ({@code schemas("a, b")}
	 * and {@code schemas("a", "b")} both printed {@code [a, b]}). Both sides of the comparison are computed here at
	 * run time; the build's key file does not hold them.
	 */
	static Map<String, Object> settings(Configuration configuration) {
		var settings = new LinkedHashMap<String, Object>();
		settings.put("locations",
				Arrays.stream(configuration.getLocations()).map(Location::getDescriptor).sorted().toList());
		settings.put("table", configuration.getTable());
		settings.put("tablespace", configuration.getTablespace());
		settings.put("schemas", list(configuration.getSchemas()));
		settings.put("defaultSchema", configuration.getDefaultSchema());
		settings.put("placeholders", new TreeMap<>(configuration.getPlaceholders()));
		settings.put("placeholderReplacement", configuration.isPlaceholderReplacement());
		settings.put("placeholderPrefix", configuration.getPlaceholderPrefix());
		settings.put("placeholderSuffix", configuration.getPlaceholderSuffix());
		settings.put("placeholderSeparator", configuration.getPlaceholderSeparator());
		settings.put("scriptPlaceholderPrefix", configuration.getScriptPlaceholderPrefix());
		settings.put("scriptPlaceholderSuffix", configuration.getScriptPlaceholderSuffix());
		settings.put("target", String.valueOf(configuration.getTarget()));
		settings.put("cherryPick", list(configuration.getCherryPick()));
		settings.put("sqlMigrationPrefix", configuration.getSqlMigrationPrefix());
		settings.put("repeatableSqlMigrationPrefix", configuration.getRepeatableSqlMigrationPrefix());
		settings.put("sqlMigrationSeparator", configuration.getSqlMigrationSeparator());
		settings.put("sqlMigrationSuffixes", list(configuration.getSqlMigrationSuffixes()));
		settings.put("callbacks", configuration.getCallbacks().length);
		settings.put("javaMigrations", configuration.getJavaMigrations().length);
		settings.put("customResourceProvider", configuration.getResourceProvider() != null);
		settings.put("customJavaMigrationClassProvider", configuration.getJavaMigrationClassProvider() != null);
		return settings;
	}

	/** An array setting as a list of its values' texts, {@code null} when Flyway has none (cherry-pick's default). */
	private static List<String> list(Object[] values) {
		return values == null ? null : Arrays.stream(values).map(String::valueOf).toList();
	}

	/** Flyway as the build migrates its schema: its defaults, the one migration set. */
	private static FluentConfiguration buildConfiguration() {
		return Flyway.configure(PrebuiltSchema.class.getClassLoader()).locations("classpath:" + MIGRATIONS);
	}

	/**
	 * The key: every file of the migration set (name and content, by name), H2's and Flyway's versions, the URL's
	 * options.
	 */
	static String key(String options) throws IOException {
		var resources = new PathMatchingResourcePatternResolver(PrebuiltSchema.class.getClassLoader())
			.getResources("classpath*:" + MIGRATIONS + "/**/*.*");
		Arrays.sort(resources, Comparator.comparing(PrebuiltSchema::name));
		var all = new ByteArrayOutputStream();
		for (var resource : resources) {
			all.writeBytes(name(resource).getBytes(StandardCharsets.UTF_8));
			all.write(0);
			try (InputStream in = resource.getInputStream()) {
				all.writeBytes(Sha256.hex(in.readAllBytes()).getBytes(StandardCharsets.US_ASCII));
			}
			all.write(0);
		}
		all.writeBytes(("h2 " + h2Version() + "\0flyway " + flywayVersion() + "\0" + options)
			.getBytes(StandardCharsets.UTF_8));
		return Sha256.hex(all.toByteArray());
	}

	private static String name(Resource resource) {
		try {
			var url = resource.getURL().toString();
			return url.substring(url.lastIndexOf(MIGRATIONS + "/"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String h2Version() {
		try {
			return String.valueOf(Class.forName("org.h2.engine.Constants").getField("FULL_VERSION").get(null));
		}
		catch (ReflectiveOperationException e) {
			return "none";
		}
	}

	private static String flywayVersion() throws IOException {
		var version = new ClassPathResource("org/flywaydb/core/internal/version.txt", Flyway.class.getClassLoader());
		if (!version.exists()) {
			return "none";
		}
		try (var in = version.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
		}
	}

	/**
	 * The build's step ({@code process-classes}): migrates an empty H2 file with the URL options of
	 * {@code application.properties} and writes it with its key into {@code args[0]}/{@value #FOLDER}; nothing to do
	 * when the key there is already this one.
	 */
	public static void main(String[] args) throws Exception {
		var classes = Path.of(args[0]);
		var properties = new Properties();
		try (var in = new ClassPathResource("application.properties").getInputStream()) {
			properties.load(in);
		}
		var options = options(properties.getProperty("spring.datasource.url"));
		var key = key(options);
		var keyFile = classes.resolve(KEY);
		if (Files.exists(keyFile) && Files.readString(keyFile).strip().equals(key)
				&& Files.exists(classes.resolve(FILE))) {
			return;
		}
		var work = Files.createTempDirectory("grassroots-schema-");
		try {
			var url = H2_FILE + work.resolve("schema").toAbsolutePath() + options;
			buildConfiguration().dataSource(url, "sa", "").load().migrate();
			try (var connection = DriverManager.getConnection(url, "sa", "");
					var statement = connection.createStatement()) {
				statement.execute("shutdown compact");
			}
			Files.createDirectories(classes.resolve(FOLDER));
			Files.copy(work.resolve("schema.mv.db"), classes.resolve(FILE),
					StandardCopyOption.REPLACE_EXISTING);
			Files.writeString(keyFile, key + "\n");
		}
		finally {
			try (var files = Files.walk(work)) {
				files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

}
