package io.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import io.grassroots.calendar.LimitUnit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-written insert of a new case (cases-06) writes every column that the repository reads back, and still
 * publishes the case's events like {@code save}.
 */
@IntegrationTest
@Transactional
@RecordApplicationEvents
class CaseInsertsTests {

	@Autowired
	CaseRepository cases;

	@Autowired
	ApplicationEvents events;

	@Autowired
	CaseInsertsImpl inserts;

	@Test
	void aNewCaseReadsBackAsItWasInsertedAndItsEventIsPublished() {
		var now = Instant.parse("2026-12-02T08:15:30.123456Z");
		var origin = new Origin("T" + UUID.randomUUID().toString().substring(0, 9).toUpperCase(),
				UUID.randomUUID().toString().replace("-", ""), Channel.PHONE,
				new Reporter("v1:name", "v1:phone", "0123456789abcdef0123456789abcdef", UUID.randomUUID(), false), true,
				new DepartmentId(UUID.randomUUID()), new CaseId(UUID.randomUUID()));
		var matter = new Matter("井盖破损", "小区门口的污水井盖破损", new CategoryKey("CJT214", "P0102"), Urgency.URGENT, false);
		var place = new Place(RegionCode.of("652301001001"), UUID.randomUUID(), Placement.GRID, 87.3051234, 44.0123456,
				"宁边路1号");
		var clock = new StepClock(Step.DISPATCH, now, now.plusSeconds(600), now.plusSeconds(1800), 1800L,
				LimitUnit.WORKING_HOURS, null, null);

		var saved = cases.saveNew(Case.report(origin, matter, place, clock, now));

		assertThat(saved.version()).isZero();
		assertThat(events.stream(CaseReported.class).filter(e -> e.caseId().equals(saved.id()))).hasSize(1);
		var read = cases.findById(saved.id()).orElseThrow();
		assertThat(read.origin()).isEqualTo(origin);
		assertThat(read.matter()).isEqualTo(matter);
		assertThat(read.place()).isEqualTo(place);
		assertThat(read.clock()).isEqualTo(clock);
		assertThat(read.status()).isEqualTo(CaseStatus.REPORTED);
		assertThat(read.tier()).isEqualTo(saved.tier());
		assertThat(read.tally()).isEqualTo(Tally.zero());
		assertThat(read.milestones()).isEqualTo(Milestones.reported(now));
		assertThat(read.leadDepartment()).isNull();
		assertThat(read.mergedInto()).isNull();
		assertThat(read.pendingExtension()).isNull();
		assertThat(read.outcome()).isNull();
		assertThat(read.version()).isZero();
	}

	@Test
	void aBatchOfNewCasesReadsBackAsInsertedWhateverTheirTextAndTheirEmptyColumns() {
		var now = Instant.parse("2026-12-05T21:20:01.654321Z");
		var batch = new ArrayList<Case>();
		for (var i = 0; i < 3; i++) {
			// the second case: quotes, a backslash, braces, a comma and NULL in its text, no key, point, grid, reporter
			var odd = i == 1;
			var origin = new Origin("B" + UUID.randomUUID().toString().substring(0, 9).toUpperCase(),
					odd ? null : UUID.randomUUID().toString().replace("-", ""), Channel.PHONE,
					odd ? new Reporter(null, null, null, null, false)
							: new Reporter("v1:n\"" + i, "v1:p" + i, "0123456789abcdef0123456789abcde" + i, null, true),
					odd, null, null);
			var matter = new Matter(odd ? "\"井盖\" {破损}, \\ NULL" : "路灯不亮 " + i, odd ? "NULL" : "说明,{}\\\"" + i,
					odd ? null : new CategoryKey("CJT214", "P010" + i), Urgency.NORMAL, odd);
			var place = new Place(RegionCode.of("652301001001"), odd ? null : UUID.randomUUID(),
					odd ? Placement.NAMED_COMMUNITY : Placement.GRID, odd ? null : 87.3051234 + i * 1e-7,
					odd ? null : 44.0123456 - i * 1e-9, odd ? null : "宁边路" + i + "号");
			var clock = new StepClock(Step.DISPATCH, now, now.plusSeconds(600 + i), now.plusSeconds(1800), 1800L,
					odd ? LimitUnit.MINUTES : LimitUnit.WORKING_HOURS, null, null);
			batch.add(Case.report(origin, matter, place, clock, now.plusNanos(i * 1000)));
		}

		inserts.saveAllNew(batch);

		for (var c : batch) {
			assertThat(c.version()).isZero();
			var read = cases.findById(c.id()).orElseThrow();
			assertThat(read.origin()).isEqualTo(c.origin());
			assertThat(read.matter()).isEqualTo(c.matter());
			assertThat(read.place()).isEqualTo(c.place());
			assertThat(read.clock()).isEqualTo(c.clock());
			assertThat(read.status()).isEqualTo(c.status());
			assertThat(read.tally()).isEqualTo(Tally.zero());
			assertThat(read.milestones()).isEqualTo(c.milestones());
			assertThat(read.version()).isZero();
		}
	}

	@Test
	void aBatchWithACaseAlreadyPastItsIntakeKeepsTheColumnsOnlyLaterStepsFill() {
		// a batch whose cases are all as an intake makes them goes without those columns (cases-34); one case that
		// carries such a column (here the filing time) sends the batch with every column, and both read back whole
		var now = Instant.parse("2026-12-06T09:40:00.250Z");
		var batch = new ArrayList<Case>();
		for (var i = 0; i < 2; i++) {
			var origin = new Origin("L" + UUID.randomUUID().toString().substring(0, 9).toUpperCase(),
					UUID.randomUUID().toString().replace("-", ""), Channel.PHONE,
					new Reporter("v1:n" + i, "v1:p" + i, "0123456789abcdef0123456789abcde" + i, null, false), false,
					null, null);
			var matter = new Matter("路灯不亮 " + i, "说明 " + i, new CategoryKey("CJT214", "P0102"), Urgency.NORMAL, false);
			var place = new Place(RegionCode.of("652301001001"), UUID.randomUUID(), Placement.GRID, 87.30 + i * 1e-4,
					44.01, "宁边路" + i + "号");
			var clock = new StepClock(Step.DISPATCH, now, now.plusSeconds(600), now.plusSeconds(1800), 1800L,
					LimitUnit.WORKING_HOURS, null, null);
			batch.add(Case.report(origin, matter, place, clock, now));
		}
		batch.get(1).file(new CategoryKey("CJT214", "P0103"), Urgency.URGENT, true, now.plusSeconds(5));

		inserts.saveAllNew(batch);

		var filed = cases.findById(batch.get(1).id()).orElseThrow();
		assertThat(filed.milestones()).isEqualTo(batch.get(1).milestones());
		assertThat(filed.milestones().filedAt()).isEqualTo(now.plusSeconds(5));
		assertThat(filed.status()).isEqualTo(batch.get(1).status());
		assertThat(filed.matter()).isEqualTo(batch.get(1).matter());
		var reported = cases.findById(batch.get(0).id()).orElseThrow();
		assertThat(reported.milestones()).isEqualTo(Milestones.reported(now));
		assertThat(reported.leadDepartment()).isNull();
		assertThat(reported.mergedInto()).isNull();
		assertThat(reported.outcome()).isNull();
		assertThat(reported.pendingExtension()).isNull();
		assertThat(reported.clock()).isEqualTo(batch.get(0).clock());
	}

	@Test
	void aBatchOfReportedCasesGoesWithoutTheColumnsOnlyLaterStepsFill() {
		var now = Instant.parse("2026-12-06T09:41:00Z");
		var origin = new Origin("M" + UUID.randomUUID().toString().substring(0, 9).toUpperCase(), null, Channel.PHONE,
				new Reporter(null, null, null, null, false), false, null, null);
		var c = Case.report(origin, new Matter("井盖", "说明", null, Urgency.NORMAL, false),
				new Place(RegionCode.of("652301001001"), null, Placement.NAMED_COMMUNITY, null, null, null),
				new StepClock(Step.DISPATCH, now, now.plusSeconds(600), now.plusSeconds(1800), 1800L,
						LimitUnit.WORKING_HOURS, null, null),
				now);

		var rows = inserts.rows(java.util.List.of(c));

		assertThat(rows.columns()).isEqualTo(38);
		assertThat(rows.into()).doesNotContain("filed_at").doesNotContain("lead_department").contains("reported_at");
	}

}
