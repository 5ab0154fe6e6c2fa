package io.grassroots.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
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
 * Two real nodes (separate JVMs, {@link ServerProcess}) on one PostgreSQL database, both sweeping deadlines every
 * second and both delivering the outbox to a webhook of the test. Clients drive cases over HTTP against both: half
 * are closed (a webhook message each), half stay dispatched past a one-minute claim limit (a reminder, a
 * supervision order and a yellow card each). One node is killed (SIGKILL) in the middle of the load; its clients
 * carry on against the survivor with the same Idempotency-Keys. Then: every acknowledged intake exists once, every
 * reminder, order and card was issued once with one history entry and one notice, every message went out, and
 * nothing is left claimed: the sweep's lock and the outbox's claims expire and the survivor finishes the work.
 */
@ClusterTest
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class ClusterTests {

	static final int CASES = 120;

	static final int CLIENTS = 6;

	/** Lease of an outbox claim on the nodes: a dead node's claims are taken over after it. */
	static final Duration LEASE = Duration.ofSeconds(10);

	static final String COMMUNITY = "652301001001";

	static String database;

	static ServerProcess first;

	static ServerProcess second;

	static HttpServer gateway;

	static final Map<String, List<Instant>> received = new ConcurrentHashMap<>();

	/** A slow gateway keeps deliveries in flight, so that the killed node dies in the middle of some. */
	static volatile boolean slowGateway;

	static JdbcClient jdbc;

	@BeforeAll
	static void twoNodes() throws Exception {
		database = PostgresServer.demoCopy("grassroots_cluster");
		jdbc = PostgresServer.jdbc(database);
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		gateway.createContext("/sms", exchange -> {
			var body = ApiClient.JSON.readTree(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			received.computeIfAbsent(body.get("id").asString(), id -> new CopyOnWriteArrayList<>()).add(Instant.now());
			if (slowGateway) {
				try {
					Thread.sleep(1500);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		gateway.setExecutor(Executors.newFixedThreadPool(4));
		gateway.start();
		// The claim limit of the test's category: one minute of calendar time, so deadlines pass during the test.
		jdbc.sql("""
				insert into cases_time_limit (id, category_standard, category_code, urgency, limit_condition, step, amount,
				unit, version) values (:id, 'CJT214', 'E0501', null, null, 'CLAIM', 1, 'MINUTES', 0)""")
			.param("id", UUID.randomUUID()).update();
		var properties = Map.of("grassroots.supervision.sweep-interval", "1s", "grassroots.supervision.settle", "2s",
				"grassroots.supervision.sweep-lock-at-most-for", "PT15S",
				"grassroots.supervision.yellow-card-after", "0 MINUTES", "grassroots.notification.dispatch-interval", "1s",
				"grassroots.notification.lease", LEASE.toSeconds() + "s", "grassroots.notification.backoff", "1s",
				"grassroots.notification.webhook-url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms",
				"spring.datasource.hikari.maximum-pool-size", "5");
		var pool = Executors.newFixedThreadPool(2);
		try {
			var a = pool.submit(() -> ServerProcess.start(database + "-a", PostgresServer.url(database), properties,
					Duration.ofMinutes(3)));
			var b = pool.submit(() -> ServerProcess.start(database + "-b", PostgresServer.url(database), properties,
					Duration.ofMinutes(3)));
			first = a.get();
			second = b.get();
		}
		finally {
			pool.shutdown();
		}
	}

	@AfterAll
	static void stop() {
		for (var node : new ServerProcess[] { first, second }) {
			if (node != null) {
				node.close();
			}
		}
		if (gateway != null) {
			gateway.stop(0);
		}
		PostgresServer.drop(database);
	}

	@Test
	void twoNodesIssueEverythingOnceAndTheSurvivorFinishesAfterTheOtherIsKilled() throws Exception {
		var dispatcher = new ApiClient(PostgresServer.token(database, "dispatcher"));
		var handler = new ApiClient(PostgresServer.token(database, "handler"));
		var market = jdbc.sql("select id from region_department where region = '652301000000' and kind = 'MARKET_SUPERVISION'")
			.query(UUID.class).single();
		var load = new Load(dispatcher, handler, market);
		var pool = Executors.newFixedThreadPool(CLIENTS);
		var started = Instant.now();
		var futures = new ArrayList<java.util.concurrent.Future<?>>();
		for (var i = 0; i < CASES; i++) {
			var close = i % 2 == 0;
			futures.add(pool.submit(() -> {
				load.drive(close);
				return null;
			}));
		}
		while (load.acknowledged.size() < CASES / 4) {
			Thread.sleep(50);
		}
		slowGateway = true;
		while (load.acknowledged.size() < CASES * 2 / 5) {
			Thread.sleep(50);
		}
		// The node dies holding work, whichever node really held it at that instant: the sweep's lock (until its
		// lockAtMostFor) and a claim on every message not yet claimed (until the lease).
		jdbc.sql("update supervision_lock set lock_until = :until where name = 'supervision-deadline-sweep'")
			.param("until", Timestamp.from(Instant.now().plusSeconds(15))).update();
		var heldByTheDead = jdbc.sql("""
				update notification_outbox set claim = :claim, next_attempt_at = :lease, version = version + 1
				where state = 'PENDING' and claim is null""")
			.param("claim", UUID.randomUUID()).param("lease", Timestamp.from(Instant.now().plus(LEASE))).update();
		var inFlight = jdbc.sql("select count(*) from notification_outbox where state = 'PENDING' and claim is not null")
			.query(Long.class).single();
		var killedAt = Instant.now();
		second.kill();
		slowGateway = false;
		load.nodes = List.of(first);
		for (var future : futures) {
			future.get(4, TimeUnit.MINUTES);
		}
		pool.shutdown();
		var loadEnded = Instant.now();

		var closed = load.cases.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
		var dispatched = load.cases.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
		assertThat(closed).hasSize(CASES / 2);
		assertThat(dispatched).hasSize(CASES / 2);

		// The survivor finishes: every deadline swept, every message out, within the limit plus the lock and the lease.
		var deadline = Instant.now().plus(Duration.ofSeconds(150));
		while (Instant.now().isBefore(deadline) && !(finished(dispatched, closed))) {
			Thread.sleep(1000);
		}
		var finishedAt = Instant.now();
		System.out.printf("Cluster: %d cases driven in %d s (node b killed at %d s holding the sweep's lock and %d "
				+ "unclaimed messages; %d claimed messages in flight on both nodes), work finished %d s after the load; "
				+ "%d requests not acknowledged and sent again; %d messages received twice%n", CASES,
				Duration.between(started, loadEnded).toSeconds(), Duration.between(started, killedAt).toSeconds(),
				heldByTheDead, inFlight, Duration.between(loadEnded, finishedAt).toSeconds(), load.failures.get(),
				received.values().stream().filter(r -> r.size() > 1).count());

		// Every acknowledged intake exists exactly once (titles carry the Idempotency-Key).
		assertThat(load.acknowledged).hasSize(CASES);
		load.acknowledged.forEach((key, id) -> {
			assertThat(jdbc.sql("select count(*) from cases_case where title = :t").param("t", title(key))
				.query(Long.class).single()).as("cases with key %s", key).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from audit_entry where stream = :s and action = 'case.report'")
				.param("s", "case/" + id).query(Long.class).single()).as("intake history of %s", id).isEqualTo(1);
		});
		for (var id : dispatched) {
			assertThat(status(id)).isEqualTo("DISPATCHED");
			assertThat(count("select count(*) from supervision_reminder where case_id = :id", id)).as("reminders of %s", id)
				.isEqualTo(1);
			assertThat(count("select count(*) from supervision_order where case_id = :id", id)).as("orders of %s", id)
				.isEqualTo(1);
			assertThat(count("select count(*) from supervision_card where case_id = :id and kind = 'YELLOW_CARD'", id))
				.as("yellow cards of %s", id).isEqualTo(1);
			var issued = count("select count(*) from supervision_reminder where case_id = :id", id)
					+ count("select count(*) from supervision_order where case_id = :id", id)
					+ count("select count(*) from supervision_card where case_id = :id", id);
			assertThat(auditAbout(id)).as("history entries of the supervision of %s", id).isEqualTo(issued);
			for (var kind : List.of("REMINDER", "SUPERVISION_ORDER", "YELLOW_CARD")) {
				assertThat(count("select count(*) from notification_notice where case_id = :id and kind = '" + kind + "'", id))
					.as("%s notices of %s", kind, id).isEqualTo(1);
			}
		}
		// Cards that count yellow cards (every third makes a red one) are unique per department and month.
		assertThat(jdbc.sql("""
				select count(*) from (select department, card_month, count(*) n from supervision_card
				where kind = 'YELLOW_CARD' group by department, card_month) y
				join (select department, card_month, count(*) n from supervision_card where kind = 'RED_CARD'
				and reason = 'YELLOW_CARDS_IN_MONTH' group by department, card_month) r
				on y.department = r.department and y.card_month = r.card_month where r.n > y.n / 3""")
			.query(Long.class).single()).isZero();
		for (var id : closed) {
			assertThat(status(id)).isEqualTo("CLOSED");
			assertThat(count("select count(*) from notification_outbox where case_id = :id and kind = 'CASE_CLOSED'", id))
				.as("messages of %s", id).isEqualTo(1);
			var delivery = jdbc.sql("select id, state from notification_outbox where case_id = :id and kind = 'CASE_CLOSED'")
				.param("id", id).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
			assertThat(delivery[1]).as("delivery of %s", id).isEqualTo("SENT");
			var receipts = received.getOrDefault(delivery[0], List.of());
			assertThat(receipts).as("receipts of %s", delivery[0]).isNotEmpty();
			if (receipts.size() > 1) {
				// At least once: only a delivery that the killed node had posted but not yet marked goes out again.
				assertThat(receipts).as("receipts of %s", delivery[0]).hasSize(2);
				assertThat(receipts.get(0)).isBetween(killedAt.minus(LEASE), killedAt.plusSeconds(1));
			}
		}
		// Nothing left claimed: no due outbox row waits, no case event is left unpublished.
		assertThat(jdbc.sql("select count(*) from notification_outbox where state = 'PENDING'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class)
			.single()).isZero();
		assertThat(first.alive()).isTrue();
		var verified = ServerProcess.command(database + "-verify", PostgresServer.url(database), Duration.ofMinutes(2),
				"--verify-audit");
		assertThat(verified.exitCode()).as(verified.output()).isZero();
	}

	boolean finished(List<UUID> dispatched, List<UUID> closed) {
		var cards = jdbc.sql("select count(distinct case_id) from supervision_card where kind = 'YELLOW_CARD' and case_id in (:ids)")
			.param("ids", dispatched).query(Long.class).single();
		var sent = jdbc.sql("select count(*) from notification_outbox where state = 'SENT' and case_id in (:ids)")
			.param("ids", closed).query(Long.class).single();
		return cards == dispatched.size() && sent == closed.size();
	}

	long count(String sql, UUID id) {
		return jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

	String status(UUID id) {
		return jdbc.sql("select status from cases_case where id = :id").param("id", id).query(String.class).single();
	}

	long auditAbout(UUID id) {
		return jdbc.sql("""
				select count(*) from audit_entry where stream = :reminders
				or stream in (select 'supervision-order/' || cast(id as varchar) from supervision_order where case_id = :id)
				or stream in (select 'card/' || cast(id as varchar) from supervision_card where case_id = :id)""")
			.param("id", id).param("reminders", "reminder/" + id).query(Long.class).single();
	}

	static String title(String key) {
		return "集群测试 " + key;
	}

	/** Clients that drive cases through the API of whichever node is up, retrying what was not acknowledged. */
	static final class Load {

		final ApiClient dispatcher;

		final ApiClient handler;

		final UUID market;

		volatile List<ServerProcess> nodes = List.of(first, second);

		final Map<String, UUID> acknowledged = new ConcurrentHashMap<>();

		final Map<UUID, Boolean> cases = new ConcurrentHashMap<>();

		final AtomicInteger failures = new AtomicInteger();

		Load(ApiClient dispatcher, ApiClient handler, UUID market) {
			this.dispatcher = dispatcher;
			this.handler = handler;
			this.market = market;
		}

		String node() {
			var up = nodes;
			return up.get(ThreadLocalRandom.current().nextInt(up.size())).baseUrl();
		}

		void drive(boolean close) throws Exception {
			var key = UUID.randomUUID().toString();
			var random = ThreadLocalRandom.current();
			var intake = new HashMap<String, Object>();
			intake.put("channel", "PHONE");
			intake.put("title", title(key));
			intake.put("description", "两个节点的负载测试");
			intake.put("categoryStandard", "CJT214");
			intake.put("categoryCode", "E0501");
			intake.put("urgency", "NORMAL");
			intake.put("longitude", 87.2700 + random.nextDouble() * 0.004);
			intake.put("latitude", 43.9900 + random.nextDouble() * 0.004);
			intake.put("coordinateSystem", "WGS84");
			intake.put("community", COMMUNITY);
			intake.put("reporterName", "测试居民");
			intake.put("reporterPhone", "139" + (10_000_000 + random.nextInt(89_999_999)));
			var summary = call(() -> dispatcher.post(node(), "/api/cases", intake, key));
			var id = UUID.fromString(summary.string("id"));
			acknowledged.put(key, id);
			var version = summary.number("version");
			var status = summary.string("status");
			while (true) {
				ApiClient.Response next;
				var v = version;
				var path = "/api/cases/" + id + "/";
				switch (status) {
					case "REPORTED" -> next = act(() -> dispatcher.post(node(), path + "file", Map.of("version", v,
							"categoryStandard", "CJT214", "categoryCode", "E0501", "urgency", "NORMAL")), id);
					case "FILED" -> next = act(() -> dispatcher.post(node(), path + "dispatch",
							Map.of("version", v, "lead", market)), id);
					case "DISPATCHED" -> {
						if (!close) {
							cases.put(id, false);
							return;
						}
						next = act(() -> handler.post(node(), path + "claim", Map.of("version", v)), id);
					}
					case "IN_PROGRESS" -> next = act(() -> handler.post(node(), path + "report-back",
							Map.of("version", v, "result", "已处置")), id);
					case "REPORTED_BACK" -> next = act(() -> dispatcher.post(node(), path + "verify",
							Map.of("version", v, "passed", true, "note", "核查通过")), id);
					case "CLOSED" -> {
						cases.put(id, true);
						return;
					}
					default -> throw new AssertionError("Unexpected state " + status + " of " + id);
				}
				version = next.number("version");
				status = next.string("status");
			}
		}

		/** A transition; when it was not acknowledged or lost a race to its own retry (409), the case as it is now. */
		ApiClient.Response act(Request request, UUID id) throws Exception {
			for (var tries = 0; tries < 50; tries++) {
				try {
					var response = request.send();
					if (response.ok()) {
						return response;
					}
					if (response.status() != 409) {
						throw new AssertionError("HTTP " + response.status() + ": " + response.text());
					}
				}
				catch (IOException notAcknowledged) {
					failures.incrementAndGet();
					Thread.sleep(100);
				}
				try {
					var current = dispatcher.get(node(), "/api/cases/" + id);
					if (current.ok()) {
						var summary = current.json().get("summary");
						return new ApiClient.Response(200, summary, summary.toString());
					}
				}
				catch (IOException notAnswered) {
					failures.incrementAndGet();
					Thread.sleep(100);
				}
			}
			throw new AssertionError("No node answered for " + id);
		}

		/** A request retried (with the same Idempotency-Key) until a node acknowledges it. */
		ApiClient.Response call(Request request) throws Exception {
			for (var tries = 0; tries < 50; tries++) {
				try {
					var response = request.send();
					if (response.ok()) {
						return response;
					}
					throw new AssertionError("HTTP " + response.status() + ": " + response.text());
				}
				catch (IOException notAcknowledged) {
					failures.incrementAndGet();
					Thread.sleep(100);
				}
			}
			throw new AssertionError("No node acknowledged the request");
		}

	}

	@FunctionalInterface
	interface Request {

		ApiClient.Response send() throws IOException;

	}

}
