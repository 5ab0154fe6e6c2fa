package io.grassroots.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Databases of their own on the test PostgreSQL server ({@code GRASSROOTS_TEST_POSTGRES_URL}, see
 * {@link TestDatabase}), for tests that run real nodes ({@link ServerProcess}): fresh databases, a copy of a database
 * loaded once per test run with the demo data ({@link #demoCopy}), API tokens for the demo accounts.
 */
public final class PostgresServer {

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

	private static String demo;

	private PostgresServer() {
	}

	public static String user() {
		return env("GRASSROOTS_TEST_POSTGRES_USER", "postgres");
	}

	public static String password() {
		return env("GRASSROOTS_TEST_POSTGRES_PASSWORD", "");
	}

	static String serverUrl() {
		return env("GRASSROOTS_TEST_POSTGRES_URL", TestDatabase.DEFAULT_URL);
	}

	/** The JDBC URL of a database on the test server. */
	public static String url(String database) {
		var matcher = URL.matcher(serverUrl());
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + serverUrl());
		}
		return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
	}

	/** The host part ({@code host:port}) of the server, for pg_dump and friends. */
	public static String[] hostAndPort() {
		var matcher = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/.*").matcher(serverUrl());
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + serverUrl());
		}
		return new String[] { matcher.group(1), matcher.group(2) == null ? "5432" : matcher.group(2) };
	}

	/** Creates an empty database with a fresh name that starts with {@code prefix}. */
	public static String create(String prefix) {
		return create(prefix, null);
	}

	/** Creates a database with a fresh name, copied from {@code template} when given. */
	public static String create(String prefix, String template) {
		var name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		execute("create database " + name + (template == null ? "" : " template " + template));
		return name;
	}

	public static void drop(String database) {
		if (database != null) {
			execute("drop database if exists " + database + " with (force)");
		}
	}

	/**
	 * A fresh copy of a database that a node loaded with the demo data (Changji regions, departments, accounts,
	 * grids, calendar, demo cases with history and photos) once in this test run; about a minute the first time.
	 */
	public static synchronized String demoCopy(String prefix) {
		if (demo == null) {
			var name = create("grassroots_demo");
			try (var node = ServerProcess.start(name + "-loader", url(name), Map.of("grassroots.demo.enabled", "true"),
					Duration.ofMinutes(4))) {
				node.stop();
			}
			catch (RuntimeException e) {
				drop(name);
				throw e;
			}
			demo = name;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		}
		return create(prefix, demo);
	}

	public static JdbcClient jdbc(String database) {
		var dataSource = new DriverManagerDataSource(url(database), user(), password());
		return JdbcClient.create(dataSource);
	}

	/** Issues an API token for an account, as an administrator would (written straight into the database). */
	public static String token(String database, String username) {
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		var secret = "grt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var account = jdbc(database).sql("select id from identity_account where username = :u")
			.param("u", username).query(UUID.class).single();
		jdbc(database).sql("""
				insert into identity_api_token (id, account, name, token_hash, created_at, version)
				values (:id, :account, 'test', :hash, :now, 0)""")
			.param("id", UUID.randomUUID()).param("account", account).param("hash", sha256(secret))
			.param("now", Timestamp.from(Instant.now())).update();
		return secret;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void execute(String sql) {
		try (var connection = DriverManager.getConnection(serverUrl(), user(), password());
				var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	private static String env(String name, String fallback) {
		var value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
