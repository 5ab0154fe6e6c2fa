package io.grassroots.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.grassroots.audit.AuditEntry;
import io.grassroots.audit.AuditTrail;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseSummary;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep handles a page of light changes as one batch — each reminder with its history entry, chained in order
 * when one case has two in the page, and its notice — and a change that fails loses no other change of its page:
 * the page is handled again one change at a time, the failing one is reported (the watermark stays), and a later
 * sweep issues it.
 */
@IntegrationTest
class DeadlineSweepBatchTests {

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	SupervisionTesting testing;

	@Autowired
	SweepFaults faults;

	@Autowired
	AuditTrail audit;

	@Autowired
	CaseQueries caseQueries;

	@Autowired
	SupervisionResponses responses;

	@Autowired
	List<DeadlineWatcher> watchers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	SupervisionProperties properties;

	@AfterEach
	void heal() {
		faults.heal();
	}

	@Test
	void aPageOfChangesGetsOneReminderHistoryEntryAndNoticeEach() {
		var cases = new ArrayList<CaseSummary>();
		for (var i = 0; i < 4; i++) {
			cases.add(testing.filed("批量催办 " + i));
		}
		var after = cases.stream().map(SupervisionTesting::before).min(Instant::compareTo).orElseThrow();
		var upTo = cases.stream().map(c -> c.deadline().dueAt()).max(Instant::compareTo).orElseThrow().plusSeconds(1);

		var report = sweep.window(after, upTo);

		assertThat(report.failed()).isZero();
		for (var c : cases) {
			assertThat(testing.count("supervision_reminder", c.id(), "light = 'YELLOW'")).isEqualTo(1);
			assertThat(testing.count("supervision_reminder", c.id(), "light = 'RED'")).isEqualTo(1);
			assertThat(testing.reminderNotices(c.id())).as("notices of %s", c.id()).isEqualTo(2);
			var chain = audit.stream("reminder/" + c.id());
			assertThat(chain).extracting(AuditEntry::seq).containsExactly(1, 2);
			assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
			assertThat(chain).extracting(AuditEntry::details).satisfiesExactly(
					yellow -> assertThat(yellow).contains("\"light\":\"YELLOW\""),
					red -> assertThat(red).contains("\"light\":\"RED\""));
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void pagesWrittenTwoAtATimeGiveEachChangeOneReminderChainedInTheOrderOfItsChanges() {
		var cases = new ArrayList<CaseSummary>();
		for (var i = 0; i < 7; i++) {
			cases.add(testing.filed("两页并行 " + i));
		}
		var after = cases.stream().map(SupervisionTesting::before).min(Instant::compareTo).orElseThrow();
		var upTo = cases.stream().map(c -> c.deadline().dueAt()).max(Instant::compareTo).orElseThrow().plusSeconds(1);
		var twoAtATime = new DeadlineSweep(caseQueries, responses, watchers, jdbc, transactions,
				new SupervisionProperties(false, properties.sweepInterval(), properties.settle(), 2, 2,
						properties.firstLookback(), properties.orderLimit(), properties.yellowCardAfter(),
						properties.yellowCardsForRedCard(), properties.whistleReportIn()));

		DeadlineSweep.Report report;
		try {
			report = twoAtATime.window(after, upTo);
		}
		finally {
			twoAtATime.stop();
		}

		assertThat(report.failed()).isZero();
		assertThat(report.changes()).as("each change read once, though pages of two overlap at their last instant")
			.isEqualTo(sweep.window(after, upTo).changes());
		for (var c : cases) {
			assertThat(testing.count("supervision_reminder", c.id())).isEqualTo(2);
			assertThat(testing.reminderNotices(c.id())).as("notices of %s", c.id()).isEqualTo(2);
			assertThat(audit.stream("reminder/" + c.id())).extracting(AuditEntry::details).satisfiesExactly(
					yellow -> assertThat(yellow).contains("\"light\":\"YELLOW\""),
					red -> assertThat(red).contains("\"light\":\"RED\""));
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void aChangeThatFailsLosesNoOtherChangeOfItsPage() {
		var cases = new ArrayList<CaseSummary>();
		for (var i = 0; i < 3; i++) {
			cases.add(testing.dispatched("批中出错 " + i));
		}
		var failing = cases.get(1);
		var after = cases.stream().map(SupervisionTesting::before).min(Instant::compareTo).orElseThrow();
		var upTo = cases.stream().map(c -> c.deadline().warnAt()).max(Instant::compareTo).orElseThrow().plusSeconds(1);
		faults.failOn(failing.id());

		var report = sweep.window(after, upTo);

		assertThat(report.failed()).as("the failing change, given up on").isEqualTo(1);
		assertThat(testing.count("supervision_reminder", failing.id())).isZero();
		assertThat(faults.told()).contains(cases.get(0).id(), cases.get(2).id()).doesNotContain(failing.id());
		for (var c : List.of(cases.get(0), cases.get(2))) {
			assertThat(testing.count("supervision_reminder", c.id())).isEqualTo(1);
			assertThat(testing.auditAbout(c.id())).isEqualTo(1);
			assertThat(testing.reminderNotices(c.id())).isEqualTo(1);
		}

		faults.heal();
		var again = sweep.window(after, upTo);

		assertThat(again.failed()).isZero();
		for (var c : cases) {
			assertThat(testing.count("supervision_reminder", c.id())).isEqualTo(1);
			assertThat(testing.auditAbout(c.id())).isEqualTo(1);
			assertThat(testing.reminderNotices(c.id())).isEqualTo(1);
		}
	}

}
