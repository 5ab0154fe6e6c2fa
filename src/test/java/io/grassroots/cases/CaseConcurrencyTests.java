package io.grassroots.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.grassroots.audit.AuditTrail;
import io.grassroots.region.DepartmentKind;
import io.grassroots.shared.ConflictException;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many handlers racing on the same cases: to claim or return each order, then to report each back. Exactly one wins
 * every race, every loser gets a conflict, and each case's history chain has no gap.
 */
@IntegrationTest
class CaseConcurrencyTests {

	static final int CASES = 20;

	static final int RACERS = 6;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTesting testing;

	@Autowired
	AuditTrail audit;

	final ExecutorService pool = Executors.newFixedThreadPool(8);

	@AfterEach
	void stop() {
		pool.shutdownNow();
	}

	@Test
	void exactlyOneHandlerWinsEachRaceAndTheHistoryHasNoGaps() throws Exception {
		var dispatcher = testing.demo("dispatcher");
		var handler = testing.demo("handler");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var dispatched = new ArrayList<CaseSummary>();
		for (var i = 0; i < CASES; i++) {
			var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
			c = cases.file(dispatcher, c.id(), c.version(), c.category(), Urgency.NORMAL, false, null);
			dispatched.add(cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(), null));
		}

		var claimed = new ArrayList<CaseSummary>();
		for (var c : dispatched) {
			var winners = race(RACERS, n -> n % 2 == 0 ? () -> cases.claim(handler, c.id(), c.version())
					: () -> cases.returnOrder(handler, c.id(), c.version(), "不属于本部门职责"));
			if (winners.status() == CaseStatus.IN_PROGRESS) {
				claimed.add(winners);
			}
		}
		for (var c : claimed) {
			race(RACERS, n -> () -> cases.reportBack(handler, c.id(), c.version(), "处置完毕 " + n, List.of()));
		}

		assertThat(claimed).isNotEmpty();
		for (var c : dispatched) {
			var timeline = queries.view(dispatcher, c.id()).timeline();
			assertThat(timeline).extracting(TimelineEntry::seq)
				.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, timeline.size()).boxed().toList());
		}
		assertThat(audit.verify().firstBroken()).isNull();
	}

	/** Runs racers at once; exactly one must succeed and all others must get a conflict. Answers the winner's result. */
	CaseSummary race(int racers, java.util.function.IntFunction<Callable<CaseSummary>> racer) throws Exception {
		var start = new CountDownLatch(1);
		var futures = new ArrayList<Future<CaseSummary>>();
		for (var n = 0; n < racers; n++) {
			var work = racer.apply(n);
			futures.add(pool.submit(() -> {
				start.await();
				return work.call();
			}));
		}
		start.countDown();
		var won = new ArrayList<CaseSummary>();
		var conflicts = 0;
		for (var future : futures) {
			try {
				won.add(future.get(60, TimeUnit.SECONDS));
			}
			catch (java.util.concurrent.ExecutionException e) {
				assertThat(e.getCause()).isInstanceOf(ConflictException.class);
				conflicts++;
			}
		}
		assertThat(won).hasSize(1);
		assertThat(conflicts).isEqualTo(racers - 1);
		return won.get(0);
	}


}
