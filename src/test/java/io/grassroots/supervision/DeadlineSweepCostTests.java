package io.grassroots.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep's cost follows the cases that change light, not the open cases: with thousands of open cases far from
 * their deadlines, a sweep reads exactly the few whose light changes in its window, and on PostgreSQL the planner
 * answers both halves of the query with index range scans: on warn_at, and on each state's due_at in the queue index
 * (decision cases-35; no sequential scan of the cases).
 */
@IntegrationTest
class DeadlineSweepCostTests {

	static final int FAR = 5_000;

	static final int NEAR = 7;

	static final String MARK = "SWEEP-COST";

	static final Instant WINDOW = Instant.parse("2091-03-01T02:00:00Z");

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void removeTheRows() {
		jdbc.update("delete from cases_case where title = ?", MARK);
	}

	@Test
	void aSweepReadsOnlyTheCasesInItsWindow() {
		var rows = new ArrayList<Object[]>();
		for (var i = 0; i < FAR + NEAR; i++) {
			var near = i < NEAR;
			var warn = near ? WINDOW.plusSeconds(i) : WINDOW.plus(Duration.ofDays(400 + i % 300));
			rows.add(new Object[] { UUID.randomUUID(), "W" + UUID.randomUUID().toString().substring(0, 9), MARK,
					Timestamp.from(warn), Timestamp.from(warn.plus(Duration.ofDays(1000))) });
		}
		jdbc.batchUpdate("""
				insert into cases_case (id, tracking_code, channel, status, tier, title, description, urgency, complex,
				region, placement, anonymous, confidential, step, warn_at, due_at, return_count, rework_count,
				extension_count, reopen_count, reported_at, version) values (?, ?, 'PHONE', 'FILED', 'STREET', ?, '',
				'NORMAL', false, '652301001001', 'NAMED_COMMUNITY', true, false, 'DISPATCH', ?, ?, 0, 0, 0, 0,
				current_timestamp, 1)""", rows);

		var report = sweep.window(WINDOW.minusSeconds(1), WINDOW.plus(Duration.ofHours(1)));

		assertThat(report.changes()).isEqualTo(NEAR);
		if (TestDatabase.postgres()) {
			jdbc.execute("analyze cases_case");
			var plan = String.join("\n", jdbc.queryForList("explain " + LIGHT_CHANGES, String.class,
					Timestamp.from(WINDOW), Timestamp.from(WINDOW.plusSeconds(3600)), Timestamp.from(WINDOW),
					Timestamp.from(WINDOW.plusSeconds(3600))));
			assertThat(plan).contains("cases_case_warn_at", "cases_case_queue").doesNotContain("Seq Scan on cases_case");
		}
	}

	/** The query of CaseQueries.lightChanges, as the sweep sends it. */
	static final String LIGHT_CHANGES = """
			select id, warn_at as crossed_at from cases_case where warn_at > ? and warn_at <= ? and warn_at < due_at
			union all select id, due_at as crossed_at from cases_case where status in ('REPORTED', 'COMMUNITY_HANDLING',
			'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK', 'CLOSED', 'EVALUATED', 'REJECTED', 'VOID',
			'MERGED') and due_at > ? and due_at <= ?
			order by crossed_at, id limit 2000""";

}
