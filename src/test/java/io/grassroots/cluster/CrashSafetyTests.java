package io.grassroots.cluster;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grassroots.testing.ApiClient;
import io.grassroots.testing.ClusterTest;
import io.grassroots.testing.PostgresServer;
import io.grassroots.testing.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server under an intake load of 10,000 cases from concurrent clients, each request with an Idempotency-Key, is
 * killed (SIGKILL) in the middle and started again on the same database. Every case whose intake was acknowledged
 * (2xx) is there exactly once with its intake in its history; the requests that were not acknowledged, sent again
 * with the same keys, and every acknowledged one sent a second time, make no duplicate; the audit hash chains verify.
 */
@ClusterTest
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class CrashSafetyTests {

	static final int CASES = 10_000;

	static final int CLIENTS = 16;

	/** The node is killed once this many intakes were acknowledged. */
	static final int KILL_AFTER = 4_000;

	static String database;

	static ServerProcess server;

	static JdbcClient jdbc;

	@BeforeAll
	static void server() {
		database = PostgresServer.demoCopy("grassroots_crash");
		jdbc = PostgresServer.jdbc(database);
		server = start("first");
	}

	static ServerProcess start(String run) {
		return ServerProcess.start(database + "-" + run, PostgresServer.url(database),
				Map.of("spring.datasource.hikari.maximum-pool-size", "10", "server.tomcat.threads.max", "40"),
				Duration.ofMinutes(3));
	}

	@AfterAll
	static void stop() {
		if (server != null) {
			server.close();
		}
		PostgresServer.drop(database);
	}

	@Test
	void nothingAcknowledgedIsLostAndRetriesDoNotDuplicate() throws Exception {
		var client = new ApiClient(PostgresServer.token(database, "dispatcher"));
		var run = UUID.randomUUID().toString().substring(0, 8);
		var keys = new ArrayList<String>();
		for (var i = 0; i < CASES; i++) {
			keys.add(run + "-" + i + "-" + UUID.randomUUID());
		}
		var acknowledged = new ConcurrentHashMap<String, UUID>();
		var unacknowledged = ConcurrentHashMap.<String>newKeySet();
		var queue = new ConcurrentLinkedQueue<>(keys);
		var baseUrl = server.baseUrl();
		var pool = Executors.newFixedThreadPool(CLIENTS);
		var started = Instant.now();
		var clients = new ArrayList<Future<?>>();
		for (var c = 0; c < CLIENTS; c++) {
			clients.add(pool.submit(() -> {
				String key;
				while ((key = queue.poll()) != null) {
					try {
						var response = client.post(baseUrl, "/api/cases", intake(key), key);
						assertThat(response.status()).as(response.text()).isEqualTo(201);
						acknowledged.put(key, UUID.fromString(response.string("id")));
					}
					catch (IOException e) {
						unacknowledged.add(key);
					}
				}
				return null;
			}));
		}
		while (acknowledged.size() < KILL_AFTER && clients.stream().anyMatch(f -> !f.isDone())) {
			Thread.sleep(20);
		}
		var killedAfter = Duration.between(started, Instant.now());
		server.kill();
		for (var future : clients) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		var acknowledgedAtKill = Map.copyOf(acknowledged);
		System.out.printf("Crash: %d intakes acknowledged in %d ms (%.0f/s) before the kill, %d not acknowledged (in flight or refused)%n",
				acknowledgedAtKill.size(), killedAfter.toMillis(), acknowledgedAtKill.size() * 1000.0 / killedAfter.toMillis(),
				unacknowledged.size());
		assertThat(acknowledgedAtKill.size()).isGreaterThanOrEqualTo(KILL_AFTER);

		server = start("restarted");
		var restarted = server.baseUrl();

		// Every acknowledged case is there once, with its intake in its history.
		var stored = casesOfRun(run);
		for (var entry : acknowledgedAtKill.entrySet()) {
			assertThat(stored.get(entry.getKey())).as("cases with key %s", entry.getKey())
				.containsExactly(entry.getValue());
		}
		var reported = jdbc.sql("""
				select count(*) from audit_entry a join cases_case c on a.stream = 'case/' || cast(c.id as varchar)
				where c.title like :run and a.action = 'case.report' and a.seq = 1""")
			.param("run", "崩溃测试 " + run + "-%").query(Long.class).single();
		assertThat(reported).isEqualTo(stored.size());
		var committedUnacknowledged = unacknowledged.stream().filter(stored::containsKey).count();
		assertThat(stored).hasSize(acknowledgedAtKill.size() + (int) committedUnacknowledged);
		System.out.printf("Crash: after the restart %d cases; %d of them were committed but their answer was lost%n",
				stored.size(), committedUnacknowledged);

		// The unacknowledged ones again, with the same keys, and the rest of the load; then every acknowledged one
		// a second time: the same case, never a second one.
		var retried = new AtomicInteger();
		var again = Executors.newFixedThreadPool(CLIENTS);
		var sends = new ArrayList<Future<?>>();
		for (var key : keys) {
			sends.add(again.submit(() -> {
				var response = client.post(restarted, "/api/cases", intake(key), key);
				assertThat(response.ok()).as(response.text()).isTrue();
				var id = UUID.fromString(response.string("id"));
				var first = acknowledgedAtKill.get(key);
				if (first != null) {
					assertThat(response.status()).isEqualTo(200);
					assertThat(id).isEqualTo(first);
				}
				if (unacknowledged.contains(key)) {
					retried.incrementAndGet();
				}
				return null;
			}));
		}
		for (var send : sends) {
			send.get(3, TimeUnit.MINUTES);
		}
		again.shutdown();
		var all = casesOfRun(run);
		assertThat(all).hasSize(CASES);
		assertThat(all.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
		System.out.printf("Crash: %d unacknowledged requests retried, %d acknowledged ones sent again, %d cases, "
				+ "no duplicates%n", retried.get(), acknowledgedAtKill.size(), all.size());

		server.stop();
		var verified = ServerProcess.command(database + "-verify", PostgresServer.url(database), Duration.ofMinutes(2),
				"--verify-audit");
		assertThat(verified.exitCode()).as(verified.output()).isZero();
		assertThat(verified.output()).contains("Audit trail intact");
	}

	/** The cases of this run by the key in their title. */
	Map<String, List<UUID>> casesOfRun(String run) {
		var prefix = "崩溃测试 ";
		var cases = new HashMap<String, List<UUID>>();
		jdbc.sql("select title, id from cases_case where title like :run").param("run", prefix + run + "-%")
			.query((rs, n) -> Map.entry(rs.getString(1).substring(prefix.length()), rs.getObject(2, UUID.class)))
			.list()
			.forEach(e -> cases.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return cases;
	}

	static Map<String, Object> intake(String key) {
		var random = ThreadLocalRandom.current();
		var intake = new HashMap<String, Object>();
		intake.put("channel", "PHONE");
		intake.put("title", "崩溃测试 " + key);
		intake.put("description", "断电测试：受理确认后不得丢失");
		intake.put("categoryStandard", "CJT214");
		intake.put("categoryCode", "E0501");
		intake.put("urgency", "NORMAL");
		intake.put("longitude", 87.2650 + random.nextDouble() * 0.02);
		intake.put("latitude", 43.9850 + random.nextDouble() * 0.02);
		intake.put("coordinateSystem", "WGS84");
		intake.put("community", "652301001001");
		intake.put("reporterName", "测试居民");
		intake.put("reporterPhone", "139" + (10_000_000 + random.nextInt(89_999_999)));
		return intake;
	}

}
