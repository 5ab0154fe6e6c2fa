package io.grassroots.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Retried intakes: thousands of requests repeating a few hundred keys, concurrently, make one case per key. */
@IntegrationTest
class CaseIdempotencyTests {

	static final int KEYS = 250;

	static final int REPEATS = 8;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseTesting testing;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSameKeyAlwaysAnswersTheFirstCase() throws Exception {
		var dispatcher = testing.demo("dispatcher");
		var keys = new ArrayList<String>();
		for (var i = 0; i < KEYS; i++) {
			keys.add("retry-" + UUID.randomUUID());
		}
		var requests = new ArrayList<String>();
		keys.forEach(k -> Collections.nCopies(REPEATS, k).forEach(requests::add));
		Collections.shuffle(requests);
		var pool = Executors.newFixedThreadPool(8);
		var start = new CountDownLatch(1);
		var futures = new ArrayList<Future<CaseSummary>>();
		for (var key : requests) {
			futures.add(pool.submit(() -> {
				start.await();
				return key.hashCode() % 2 == 0 ? cases.report(dispatcher, CaseTesting.vendorReport(key))
						: cases.reportPublic(CaseTesting.vendorReport(key));
			}));
		}
		start.countDown();
		var answers = new HashMap<String, List<CaseSummary>>();
		for (var i = 0; i < requests.size(); i++) {
			answers.computeIfAbsent(requests.get(i), k -> new ArrayList<>()).add(futures.get(i).get(120, TimeUnit.SECONDS));
		}
		pool.shutdown();

		for (var entry : answers.entrySet()) {
			assertThat(entry.getValue()).extracting(CaseSummary::id).containsOnly(entry.getValue().get(0).id());
			assertThat(entry.getValue()).filteredOn(CaseSummary::created).hasSize(1);
		}
		var ids = answers.values().stream().map(list -> list.get(0).id().id()).toList();
		assertThat(jdbc.sql("select count(*) from cases_case where id in (:ids)").param("ids", ids).query(Long.class).single())
			.isEqualTo(KEYS);
	}

	@Test
	void theSameKeyFromAnotherClientIsAnotherCase() {
		var key = "shared-" + UUID.randomUUID();
		var staff = cases.report(testing.demo("dispatcher"), CaseTesting.vendorReport(key));
		var resident = cases.reportPublic(CaseTesting.vendorReport(key));
		assertThat(staff.id()).isNotEqualTo(resident.id());
		assertThat(resident.channel()).isEqualTo(Channel.ONLINE);
	}

}
