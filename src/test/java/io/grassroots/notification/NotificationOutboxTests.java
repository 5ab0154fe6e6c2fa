package io.grassroots.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.CategoryKey;
import io.grassroots.cases.Channel;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.cases.Intake;
import io.grassroots.cases.Urgency;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.Departments;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox delivers every event once to a webhook (a local HTTP server here): two dispatchers racing send each
 * delivery once; rows a dispatcher claimed and never sent (it died) are sent after the lease, and sent rows never
 * again; failures are retried after a doubling backoff. Dispatching also tells departments in-app.
 */
@IntegrationTest
class NotificationOutboxTests {

	static final RegionCode WEST_STREET = RegionCode.of("652301001001");

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	NotificationProperties properties;

	@Autowired
	CaseManagement cases;

	@Autowired
	Departments departments;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	JdbcClient jdbc;

	HttpServer server;

	URI endpoint;

	final List<String> received = new CopyOnWriteArrayList<>();

	final Map<String, AtomicInteger> failFirst = new ConcurrentHashMap<>();

	@BeforeEach
	void startTheGateway() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/sms", exchange -> {
			var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			var caseId = body.replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
			var failures = failFirst.get(caseId);
			var status = failures != null && failures.getAndDecrement() > 0 ? 500 : 200;
			if (status == 200) {
				received.add(caseId);
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		server.start();
		endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sms");
	}

	@AfterEach
	void stopTheGateway() {
		server.stop(0);
	}

	@Test
	void twoRacingDispatchersSendEachDeliveryOnce() throws Exception {
		var closed = new ArrayList<CaseId>();
		for (var i = 0; i < 4; i++) {
			closed.add(closed("并发通知 " + i).id());
		}
		var now = Instant.now().plusSeconds(1);
		var start = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = List.of(pool.submit(() -> drain(start, now)), pool.submit(() -> drain(start, now)));
			for (var run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		drain(null, now);
		for (var id : closed) {
			assertThat(received.stream().filter(id.toString()::equals)).as("deliveries of %s", id).hasSize(1);
			assertThat(state(id)).isEqualTo("SENT");
		}
	}

	@Test
	void aDeliveryClaimedByADispatcherThatDiedIsSentAfterTheLeaseAndNeverAgain() {
		var id = closed("派发中断").id();
		var now = Instant.now().plusSeconds(1);
		while (dispatcher.claim(now, UUID.randomUUID()).stream().noneMatch(d -> d.caseId().equals(id.id()))) {
			// claims (and abandons) rounds until ours is held by a dispatcher that "dies"
		}
		drain(null, now.plusSeconds(5));
		assertThat(received).doesNotContain(id.toString());

		var afterRestart = now.plus(properties.lease()).plusSeconds(1);
		drain(null, afterRestart);
		drain(null, afterRestart.plus(Duration.ofHours(1)));

		assertThat(received.stream().filter(id.toString()::equals)).hasSize(1);
		assertThat(state(id)).isEqualTo("SENT");
	}

	@Test
	void failuresAreRetriedAfterADoublingBackoff() {
		var id = closed("短信网关故障").id();
		failFirst.put(id.toString(), new AtomicInteger(2));
		var now = Instant.now().plusSeconds(1);

		drain(null, now);
		assertThat(attempts(id)).isEqualTo(1);
		drain(null, now.plus(properties.backoffAfter(1)).minusSeconds(1));
		assertThat(attempts(id)).as("not due yet").isEqualTo(1);
		var second = now.plus(properties.backoffAfter(1)).plusSeconds(1);
		drain(null, second);
		assertThat(attempts(id)).isEqualTo(2);
		assertThat(properties.backoffAfter(2)).isEqualTo(properties.backoffAfter(1).multipliedBy(2));
		drain(null, second.plus(properties.backoffAfter(2)).plusSeconds(1));

		assertThat(state(id)).isEqualTo("SENT");
		assertThat(received.stream().filter(id.toString()::equals)).hasSize(1);
	}

	@Test
	void aDispatchedOrderIsANoticeForTheDepartmentAndTheBadgeCountsIt() {
		var handler = demo("handler");
		notifications.markSeen(handler);
		var order = dispatched("派单通知");
		assertThat(notifications.notices(handler, 200))
			.anyMatch(n -> n.kind() == NoticeKind.ORDER && order.id().id().equals(n.caseId()));
		assertThat(notifications.unseen(handler)).isPositive();
		assertThat(notifications.notices(demo("water"), 200)).noneMatch(n -> order.id().id().equals(n.caseId()));
	}

	private Void drain(CyclicBarrier start, Instant now) throws RuntimeException {
		try {
			if (start != null) {
				start.await();
			}
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		while (dispatcher.dispatch(now, endpoint) > 0) {
			// until nothing is due
		}
		return null;
	}

	private String state(CaseId id) {
		return jdbc.sql("select state from notification_outbox where case_id = :id and kind = 'CASE_CLOSED'")
			.param("id", id.id()).query(String.class).single();
	}

	private int attempts(CaseId id) {
		return jdbc.sql("select attempts from notification_outbox where case_id = :id and kind = 'CASE_CLOSED'")
			.param("id", id.id()).query(Integer.class).single();
	}

	CaseSummary dispatched(String title) {
		var dispatcher = demo("dispatcher");
		var market = departments.suggest(WEST_STREET, DepartmentKind.MARKET_SUPERVISION).orElseThrow();
		var reported = cases.report(dispatcher, new Intake(Channel.PHONE, title, "通知测试", new CategoryKey("CJT214",
				"E0501"), Urgency.NORMAL, 87.2720, 43.9920, CoordinateSystem.WGS84, null, WEST_STREET, "测试居民",
				"13900002222", false, false, UUID.randomUUID().toString(), List.of()));
		var filed = cases.file(dispatcher, reported.id(), reported.version(), new CategoryKey("CJT214", "E0501"),
				Urgency.NORMAL, false, null);
		return cases.dispatch(dispatcher, filed.id(), filed.version(), market.id(), List.of(), null);
	}

	CaseSummary closed(String title) {
		var order = dispatched(title);
		var handler = demo("handler");
		var claimed = cases.claim(handler, order.id(), order.version());
		var back = cases.reportBack(handler, claimed.id(), claimed.version(), "已处置", List.of());
		return cases.verify(demo("dispatcher"), back.id(), back.version(), true, null, List.of());
	}

	Actor demo(String username) {
		var principal = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
		try {
			return currentUser.actor();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}


}
