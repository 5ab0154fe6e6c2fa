package io.grassroots.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hand-written loads of a case ({@link CaseReads}, cases-09): every column written is read back into the same
 * case, empty embedded values stay empty, and a transition's load brings the assisting departments along.
 */
@IntegrationTest
@Transactional
class CaseReadsTests {

	private static final Instant NOW = Instant.parse("2026-12-03T08:15:30.123456Z");

	@Autowired
	CaseRepository cases;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyColumnOfACaseIsReadBackAsItWasWritten() {
		var full = fullCase();
		cases.saveNew(full);

		var read = cases.findById(full.id()).orElseThrow();

		assertThat(CaseColumns.all(read)).isEqualTo(CaseColumns.all(full));
		assertThat(read.clock()).isEqualTo(full.clock());
		assertThat(read.pendingExtension()).isEqualTo(full.pendingExtension());
		assertThat(read.outcome()).isEqualTo(full.outcome());
		assertThat(read.mergedInto()).isEqualTo(full.mergedInto());
		assertThat(read.leadDepartment()).isEqualTo(full.leadDepartment());
		assertThat(cases.findByTrackingCode(full.origin().trackingCode()).map(Case::id)).contains(full.id());
		assertThat(cases.findMergedInto(full.mergedInto())).extracting(Case::id).containsExactly(full.id());
	}

	@Test
	void everyColumnOfTheCaseTableIsOneTheHandWrittenWritesAndReadKnow() {
		var columns = caseTableColumns();
		// version: optimistic locking; assisted: the table's own bookkeeping of whether the case has assisting
		// departments (written by AssistStore, answered by CaseRowUpdate's UPDATE), not a part of the aggregate.
		var known = new HashSet<String>(Set.of("version", "assisted"));
		CaseColumns.all(fullCase()).keySet().forEach(k -> known.add(k.replaceAll("([A-Z])", "_$1").toLowerCase()));

		assertThat(known).isEqualTo(columns);
	}

	@Test
	void theLoadsReadEveryColumnOfTheCaseTableButItsAssistingBookkeepingOnceEach() {
		var columns = caseTableColumns();
		columns.remove("assisted");

		assertThat(CaseColumns.READ).doesNotHaveDuplicates();
		assertThat(new HashSet<>(CaseColumns.READ)).isEqualTo(columns);
	}

	@Test
	void aCaseWithoutClockCategoryExtensionOrOutcomeReadsBackWithThemEmpty() {
		var bare = new Case(CaseId.next(), origin(), CaseStatus.REJECTED, Tier.STREET,
				new Matter("占道", "占道经营", null, Urgency.NORMAL, false), place(), null, null, null, null, Tally.zero(),
				Milestones.reported(NOW), null, null);
		cases.saveNew(bare);

		var read = cases.findById(bare.id()).orElseThrow();

		assertThat(read.clock()).isNull();
		assertThat(read.matter().category()).isNull();
		assertThat(read.pendingExtension()).isNull();
		assertThat(read.outcome()).isNull();
		assertThat(CaseColumns.all(read)).isEqualTo(CaseColumns.all(bare));
	}

	@Test
	void aTransitionsLoadBringsTheAssistingDepartmentsInDepartmentOrder() {
		var full = fullCase();
		cases.saveNew(full);
		var first = new DepartmentId(new UUID(0, 1));
		var second = new DepartmentId(new UUID(0, 2));
		jdbc.sql("""
				insert into cases_assist (case_id, department, reported_at, case_status, case_reported_at)
				values (:id, :d, :at, :status, :at)""")
			.param("id", full.id().id())
			.param("d", second.id())
			.param("at", java.sql.Timestamp.from(NOW))
			.param("status", full.status().name())
			.update();
		jdbc.sql("""
				insert into cases_assist (case_id, department, case_status, case_reported_at)
				values (:id, :d, :status, :at)""")
			.param("id", full.id().id())
			.param("d", first.id())
			.param("status", full.status().name())
			.param("at", java.sql.Timestamp.from(NOW))
			.update();
		var alone = fullCase();
		cases.saveNew(alone);

		var loaded = cases.findWithAssists(full.id()).orElseThrow();

		assertThat(CaseColumns.all(loaded.subject())).isEqualTo(CaseColumns.all(full));
		assertThat(loaded.assists()).containsExactly(new AssistStore.Part(first, null),
				new AssistStore.Part(second, NOW.truncatedTo(ChronoUnit.MICROS)));
		assertThat(cases.findWithAssists(alone.id()).orElseThrow().assists()).isEmpty();
		assertThat(cases.findWithAssists(CaseId.next())).isEmpty();
	}

	/** A case with every column filled (times to the microsecond, as the database keeps them). */
	private static Case fullCase() {
		var at = NOW.truncatedTo(ChronoUnit.MICROS);
		var clock = new StepClock(Step.HANDLE, at, at.plusSeconds(600), at.plusSeconds(1800), 1800L,
				LimitUnit.WORKING_HOURS, at.plusSeconds(60), 1740L);
		return new Case(CaseId.next(), origin(), CaseStatus.PARKED, Tier.STREET,
				new Matter("井盖破损", "小区门口的污水井盖破损", new CategoryKey("CJT214", "P0102"), Urgency.URGENT, true), place(),
				new DepartmentId(UUID.randomUUID()), new CaseId(UUID.randomUUID()), clock, TimeLimit.workingDays(3),
				new Tally(1, 2, 3, 4), new Milestones(at, at.plusSeconds(1), at.plusSeconds(2), at.plusSeconds(3),
						at.plusSeconds(4), at.plusSeconds(5), at.plusSeconds(6)),
				new Outcome(ResolvedAt.DEPARTMENT, Rating.DISSATISFIED, false), null);
	}

	private static Origin origin() {
		return new Origin("R" + UUID.randomUUID().toString().substring(0, 9).toUpperCase(),
				UUID.randomUUID().toString().replace("-", ""), Channel.PHONE,
				new Reporter("v1:name", "v1:phone", "0123456789abcdef0123456789abcdef", UUID.randomUUID(), true), true,
				new DepartmentId(UUID.randomUUID()), new CaseId(UUID.randomUUID()));
	}

	private static Place place() {
		return new Place(RegionCode.of("652301001001"), UUID.randomUUID(), Placement.GRID, 87.3051234, 44.0123456,
				"宁边路1号");
	}

	/** The case table's column names, lower case, as the database reports them. */
	private Set<String> caseTableColumns() {
		return jdbc.sql("select * from cases_case where 1 = 0").query((ResultSetExtractor<Set<String>>) rs -> {
			var meta = rs.getMetaData();
			var labels = new HashSet<String>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				labels.add(meta.getColumnLabel(i).toLowerCase());
			}
			return labels;
		});
	}

}
