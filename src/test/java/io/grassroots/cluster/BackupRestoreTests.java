package io.grassroots.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.grassroots.testing.ClusterTest;
import io.grassroots.testing.PostgresServer;
import io.grassroots.testing.ServerProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A populated database (the demo data: cases with their history and photos, accounts, grids, supervision) is dumped
 * with {@code pg_dump}, restored with {@code pg_restore} into a fresh database, and compared table by table, row by
 * row; the restored audit trail verifies ({@code --verify-audit}). Skipped with a message when the PostgreSQL client
 * programs are not installed.
 */
@ClusterTest
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BackupRestoreTests {

	String source;

	String restored;

	@AfterEach
	void dropDatabases() {
		PostgresServer.drop(source);
		PostgresServer.drop(restored);
	}

	@Test
	void everyCaseHistoryEventAndAttachmentIsBackAfterARestore() throws Exception {
		var pgDump = program("pg_dump");
		var pgRestore = program("pg_restore");
		assumeTrue(pgDump.isPresent() && pgRestore.isPresent(),
				"pg_dump and pg_restore (Debian: postgresql-client) are not installed: backup and restore not tested");
		source = PostgresServer.demoCopy("grassroots_backup");
		var before = PostgresServer.jdbc(source);
		assertThat(count(source, "cases_case")).isPositive();
		assertThat(count(source, "cases_attachment")).as("photos in the dumped database").isPositive();
		assertThat(before.sql("select count(*) from audit_entry where stream like 'case/%'").query(Long.class).single())
			.isPositive();

		var dump = Path.of("target", "backups", source + ".dump");
		Files.createDirectories(dump.getParent());
		var hostPort = PostgresServer.hostAndPort();
		run(List.of(pgDump.get(), "--host=" + hostPort[0], "--port=" + hostPort[1], "--username=" + PostgresServer.user(),
				"--format=custom", "--file=" + dump, source));
		restored = PostgresServer.create("grassroots_restored");
		run(List.of(pgRestore.get(), "--host=" + hostPort[0], "--port=" + hostPort[1],
				"--username=" + PostgresServer.user(), "--no-owner", "--exit-on-error", "--dbname=" + restored,
				dump.toString()));

		var tables = before.sql("""
				select table_name from information_schema.tables where table_schema = 'public'
				and table_type = 'BASE TABLE' order by table_name""").query(String.class).list();
		assertThat(tables).contains("cases_case", "cases_attachment", "audit_entry");
		for (var table : tables) {
			assertThat(count(restored, table)).as("rows of %s", table).isEqualTo(count(source, table));
			assertThat(fingerprint(restored, table)).as("contents of %s", table).isEqualTo(fingerprint(source, table));
		}

		var verified = ServerProcess.command(restored + "-verify", PostgresServer.url(restored), Duration.ofMinutes(2),
				"--verify-audit");
		assertThat(verified.exitCode()).as(verified.output()).isZero();
		assertThat(verified.output()).contains("Audit trail intact");
	}

	static long count(String database, String table) {
		return PostgresServer.jdbc(database).sql("select count(*) from " + table).query(Long.class).single();
	}

	/** An MD5 over every row of the table as text, in a fixed order. */
	static String fingerprint(String database, String table) {
		return PostgresServer.jdbc(database)
			.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t")
			.query(String.class).single();
	}

	static Optional<String> program(String name) {
		var path = Optional.ofNullable(System.getenv("PATH")).orElse("");
		var candidates = new ArrayList<Path>();
		for (var directory : path.split(File.pathSeparator)) {
			candidates.add(Path.of(directory, name));
		}
		try (var versions = Files.exists(Path.of("/usr/lib/postgresql")) ? Files.list(Path.of("/usr/lib/postgresql"))
				: Stream.<Path>empty()) {
			versions.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin").resolve(name)));
		}
		catch (IOException e) {
			// only the PATH then
		}
		return candidates.stream().filter(Files::isExecutable).map(Path::toString).findFirst();
	}

	static void run(List<String> command) throws Exception {
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", PostgresServer.password());
		var process = builder.start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
	}

}
