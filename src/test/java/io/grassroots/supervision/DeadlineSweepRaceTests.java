package io.grassroots.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.grassroots.cases.CaseSummary;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sweeps race over the same due cases, as two nodes would (on H2 and, in the postgres run, on PostgreSQL): every
 * reminder, supervision order and card is issued once, with one history entry each, and the watermark only moves
 * forward.
 */
@IntegrationTest
class DeadlineSweepRaceTests {

	static final int CASES = 12;

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	SupervisionTesting testing;

	@Test
	void twoRacingSweepsIssueEverythingOnce() throws Exception {
		var orders = new ArrayList<CaseSummary>();
		for (var i = 0; i < CASES; i++) {
			orders.add(testing.dispatched("并发督办 " + i));
		}
		var after = orders.stream().map(SupervisionTesting::before).min(Instant::compareTo).orElseThrow();
		var upTo = orders.stream().map(o -> o.deadline().dueAt()).max(Instant::compareTo).orElseThrow()
			.plus(Duration.ofDays(30));
		var start = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var runs = new ArrayList<Future<DeadlineSweep.Report>>();
			for (var node = 0; node < 2; node++) {
				runs.add(pool.submit(() -> {
					start.await();
					var first = sweep.window(after, upTo);
					sweep.window(after, upTo);
					return first;
				}));
			}
			for (var run : runs) {
				assertThat(run.get().failed()).isZero();
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (var order : orders) {
			var id = order.id();
			assertThat(testing.count("supervision_reminder", id)).as("reminders of %s", id).isEqualTo(1);
			assertThat(testing.count("supervision_order", id)).as("orders of %s", id).isEqualTo(1);
			assertThat(testing.count("supervision_card", id, "kind = 'YELLOW_CARD'")).isEqualTo(1);
			assertThat(testing.count("supervision_card", id, "kind = 'RED_CARD'")).isEqualTo(1);
			assertThat(testing.auditAbout(id)).as("history of %s", id).isEqualTo(5);
		}
	}

	@Test
	void theWatermarkOnlyMovesForward() {
		var name = "race-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var now = Instant.parse("2030-01-01T00:00:00Z");
		sweep.sweep(name, now);
		var later = sweep.sweep(name, now.plus(Duration.ofHours(1)));
		var earlier = sweep.sweep(name, now.plus(Duration.ofMinutes(30)));
		assertThat(earlier.changes()).isZero();
		assertThat(later.failed()).isZero();
		assertThat(testing.watermark(name)).isEqualTo(now.plus(Duration.ofHours(1)).minusSeconds(10));
	}

}
