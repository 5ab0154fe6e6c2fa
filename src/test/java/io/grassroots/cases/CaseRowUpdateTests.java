package io.grassroots.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A transition's UPDATE sets the columns the transition changed, and the row then holds the whole case. */
@IntegrationTest
class CaseRowUpdateTests {

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseReadsImpl reads;

	@Autowired
	CaseRowUpdate rows;

	@Autowired
	CaseTesting testing;

	@Test
	void theUpdateNamesOnlyTheChangedColumnsAndTheVersion() {
		var status = CaseColumns.CHANGING.indexOf("status");
		var filedAt = CaseColumns.CHANGING.indexOf("filedAt");
		assertThat(CaseRowUpdate.update((1 << status) | (1 << filedAt))).isEqualTo(
				"update cases_case set status = ?, filed_at = ?, version = ? + 1 where id = ? and version = ?");
		assertThat(CaseRowUpdate.update(0))
			.isEqualTo("update cases_case set version = ? + 1 where id = ? and version = ?");
	}

	@Test
	void theInstantsOfAnUpdateMayBeBoundAsMicroseconds() {
		var filedAt = CaseColumns.CHANGING.indexOf("filedAt");
		var status = CaseColumns.CHANGING.indexOf("status");
		assertThat(CaseRowUpdate.update((1 << status) | (1 << filedAt), 1 << filedAt)).isEqualTo(
				"update cases_case set status = ?, filed_at = (timestamptz 'epoch' + ?::int8 * interval '1 microsecond'), "
						+ "version = ? + 1 where id = ? and version = ?");
	}

	@Test
	void anInstantOfTheClockReadsBackToTheMicrosecond() {
		var reported = cases.report(testing.demo("dispatcher"), CaseTesting.vendorReport(null));
		var subject = reads.findById(reported.id()).orElseThrow();
		var loaded = CaseColumns.changingValues(subject);
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_457_000);
		subject.file(reported.category(), Urgency.URGENT, true, now);

		rows.save(subject, loaded, (saved, unassisted) -> {
		});

		var stored = reads.findById(reported.id()).orElseThrow();
		assertThat(stored.milestones().filedAt()).isEqualTo(now);
		assertThat(CaseColumns.changingValues(stored)).containsExactly(CaseColumns.changingValues(subject));
	}

	@Test
	void aSavedCaseReadsBackAsItWasLeftWithTheColumnsItDidNotChangeKept() {
		var reported = cases.report(testing.demo("dispatcher"), CaseTesting.vendorReport(null));
		var subject = reads.findById(reported.id()).orElseThrow();
		var loaded = CaseColumns.changingValues(subject);
		var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		subject.file(reported.category(), Urgency.URGENT, true, now);

		rows.save(subject, loaded, (saved, unassisted) -> {
		});

		var stored = reads.findById(reported.id()).orElseThrow();
		assertThat(stored.version()).isEqualTo(reported.version() + 1);
		assertThat(stored.status()).isEqualTo(CaseStatus.FILED);
		assertThat(stored.milestones().filedAt()).isEqualTo(now);
		assertThat(stored.matter().urgency()).isEqualTo(Urgency.URGENT);
		assertThat(stored.clock().dueAt()).isEqualTo(subject.clock().dueAt());
		assertThat(CaseColumns.changingValues(stored)).containsExactly(CaseColumns.changingValues(subject));
	}

	@Test
	void aCaseChangedSinceItWasLoadedIsNotOverwritten() {
		var dispatcher = testing.demo("dispatcher");
		var reported = cases.report(dispatcher, CaseTesting.vendorReport(null));
		var stale = reads.findById(reported.id()).orElseThrow();
		var loaded = CaseColumns.changingValues(stale);
		cases.file(dispatcher, reported.id(), reported.version(), reported.category(), Urgency.NORMAL, false, null);
		stale.file(reported.category(), Urgency.URGENT, true, Instant.now());

		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> rows.save(stale, loaded, (saved, unassisted) -> {
			}));
		assertThat(reads.findById(reported.id()).orElseThrow().matter().urgency()).isEqualTo(Urgency.NORMAL);
	}

}
