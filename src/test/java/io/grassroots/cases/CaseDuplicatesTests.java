package io.grassroots.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Likely duplicates found at intake: open cases of the same category, reported within the window, within the
 * distance of the point or, without a point, in the same community. Each test rolls back, so runs on a kept database
 * do not meet.
 */
@IntegrationTest
@Transactional
class CaseDuplicatesTests {

	/** 道路遗撒: no other test reports it. */
	private static final CategoryKey SPILL = new CategoryKey("CJT214", "E0303");

	/** 燃气管道破裂. */
	private static final CategoryKey GAS = new CategoryKey("CJT214", "E0403");

	/** About one metre of latitude, in degrees. */
	private static final double METRE = 1 / 111_195.0;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseTesting testing;

	@Autowired
	DuplicateFinder duplicates;

	@Autowired
	CaseTime time;

	@Test
	void aReportWithinTheDistanceOfAnOpenCaseOfTheSameCategoryIsSuspectedItsDuplicate() {
		var supervisor = testing.demo("supervisor");
		var lng = lng();
		var lat = lat();
		var first = cases.report(supervisor, report(SPILL, lng, lat));
		var near = cases.report(supervisor, report(SPILL, lng, lat + 100 * METRE));
		assertThat(near.suspectedDuplicate()).isEqualTo(first.id());

		var far = cases.report(supervisor, report(SPILL, lng, lat + 400 * METRE));
		assertThat(far.suspectedDuplicate()).isNotIn(first.id(), near.id());
		var otherKind = cases.report(supervisor, report(GAS, lng, lat));
		assertThat(otherKind.suspectedDuplicate()).isNotIn(first.id(), near.id());
	}

	@Test
	void theNearestOfSeveralOpenCasesNearbyIsSuspected() {
		var supervisor = testing.demo("supervisor");
		var lng = lng();
		var lat = lat();
		cases.report(supervisor, report(SPILL, lng, lat + 120 * METRE));
		var nearest = cases.report(supervisor, report(SPILL, lng, lat + 30 * METRE));
		cases.report(supervisor, report(SPILL, lng, lat - 90 * METRE));
		assertThat(cases.report(supervisor, report(SPILL, lng, lat)).suspectedDuplicate()).isEqualTo(nearest.id());
	}

	@Test
	void manyNewerOpenCasesOfTheCategoryElsewhereDoNotHideANearOne() {
		var supervisor = testing.demo("supervisor");
		var lng = lng();
		var lat = lat();
		var first = cases.report(supervisor, report(SPILL, lng, lat));
		for (var i = 1; i <= 210; i++) {
			// 400 m apart on a 15 × 14 grid of points north of the first, the nearest 2 km away
			cases.report(supervisor, report(SPILL, lng + (i % 15) * 400 * METRE * 1.4, lat + (2_000 + i / 15 * 400) * METRE));
		}
		assertThat(cases.report(supervisor, report(SPILL, lng, lat + 50 * METRE)).suspectedDuplicate())
			.isEqualTo(first.id());
	}

	@Test
	void everyOpenCaseWithinTheDistanceIsFoundInEveryDirectionAndNoneBeyondIt() {
		// cases-44: the box read around the point is 1 % larger than the distance (it was 10 %); it still holds every
		// case within 150 m, whichever way it lies
		var supervisor = testing.demo("supervisor");
		var lng = lng();
		var lat = lat();
		var east = METRE / Math.cos(Math.toRadians(lat));
		var within = new ArrayList<CaseId>();
		for (var degrees = 0; degrees < 360; degrees += 45) {
			var a = Math.toRadians(degrees);
			within.add(cases
				.report(supervisor,
						report(SPILL, lng + 149.5 * Math.sin(a) * east, lat + 149.5 * Math.cos(a) * METRE))
				.id());
		}
		var beyond = cases.report(supervisor, report(SPILL, lng - 152 * east, lat)).id();
		var street = RegionCode.of("652301001000");

		var found = duplicates.find(SPILL, lng, lat, street, time.now(), null);

		assertThat(found).containsExactlyInAnyOrderElementsOf(within).doesNotContain(beyond);
	}

	@Test
	void withoutAPointTheOpenCasesOfTheSameCommunityAreSuspected() {
		var supervisor = testing.demo("supervisor");
		var first = cases.report(supervisor, withoutPoint(GAS));
		var second = cases.report(supervisor, withoutPoint(GAS));
		assertThat(second.suspectedDuplicate()).isEqualTo(first.id());

		// a report with a point in the community: the community's cases without a point are candidates too
		var vendor = CaseTesting.vendorReport(null);
		var withPoint = cases.report(supervisor, report(GAS, vendor.longitude(), vendor.latitude()));
		assertThat(withPoint.region()).isEqualTo(CaseTesting.WEST_STREET);
		assertThat(withPoint.suspectedDuplicate()).isIn(first.id(), second.id());
		// and a report without a point: the community's cases with a point too, the newest first
		assertThat(cases.report(supervisor, withoutPoint(GAS)).suspectedDuplicate()).isEqualTo(withPoint.id());
	}

	@Test
	void theCandidatesOfManyReportsReadInOneGoAreThoseEachReportReadsAlone() {
		// cases-23: the intake writer reads a batch's candidates in one statement (on PostgreSQL); each report must get
		// exactly what its own read gives, in the same order: with a point, without one, in a community or not.
		var supervisor = testing.demo("supervisor");
		var lng = lng();
		var lat = lat();
		var vendor = CaseTesting.vendorReport(null);
		cases.report(supervisor, report(SPILL, lng, lat));
		cases.report(supervisor, report(SPILL, lng, lat + 60 * METRE));
		cases.report(supervisor, report(SPILL, lng, lat + 2_000 * METRE));
		cases.report(supervisor, report(GAS, lng, lat + 30 * METRE));
		cases.report(supervisor, withoutPoint(GAS));
		cases.report(supervisor, report(GAS, vendor.longitude(), vendor.latitude()));
		var now = time.now();
		var street = RegionCode.of("652301001000");
		var queries = List.of(new DuplicateFinder.Query(SPILL, lng, lat + 10 * METRE, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(SPILL, lng, lat + 2_000 * METRE, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(GAS, lng, lat, street, now),
				new DuplicateFinder.Query(GAS, null, null, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(GAS, vendor.longitude(), vendor.latitude(), CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(null, lng, lat, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(GAS, null, null, street, now),
				new DuplicateFinder.Query(SPILL, lng, lat, CaseTesting.WEST_STREET, now.plusSeconds(73 * 3600)));

		var together = duplicates.storedAll(queries);

		assertThat(together).hasSameSizeAs(queries);
		for (var i = 0; i < queries.size(); i++) {
			var q = queries.get(i);
			assertThat(together.get(i)).as("query %d", i)
				.containsExactlyElementsOf(duplicates.stored(q.category(), q.longitude(), q.latitude(), q.region(), q.now()));
		}
		assertThat(together.get(0)).hasSize(2);
		assertThat(together.get(1)).hasSize(1);
		assertThat(together.get(2)).hasSize(1);
		assertThat(together.get(3)).hasSizeGreaterThanOrEqualTo(2);
		assertThat(together.get(4)).hasSizeGreaterThanOrEqualTo(2);
		assertThat(together.get(5)).isEmpty();
		assertThat(together.get(6)).isEmpty();
		assertThat(together.get(7)).isEmpty();
	}

	@Test
	void aBatchsStoredKeysAndCandidatesReadInOneRoundTripAreThoseReadApart() {
		// cases-25: the intake writer reads which of a batch's keys are stored and the batch's candidates together (on
		// PostgreSQL one multi-statement command); each must be what the separate reads give.
		var supervisor = testing.demo("supervisor");
		var lng = lng();
		var lat = lat();
		var keyed = cases.report(supervisor, report(SPILL, lng, lat).withIdempotencyKey("batch-read-" + lng));
		cases.report(supervisor, report(SPILL, lng, lat + 60 * METRE));
		var stored = CaseIntake.keyOf(supervisor.id().toString(), "batch-read-" + lng);
		var unknown = CaseIntake.keyOf(supervisor.id().toString(), "never-sent-" + lng);
		var now = time.now();
		var queries = List.of(new DuplicateFinder.Query(SPILL, lng, lat + 10 * METRE, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(null, lng, lat, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(SPILL, lng, lat + 2_000 * METRE, CaseTesting.WEST_STREET, now));

		var both = duplicates.readBatch(List.of(stored, unknown), queries);
		var keysOnly = duplicates.readBatch(List.of(unknown, stored), List.of());
		var candidatesOnly = duplicates.readBatch(List.of(), queries);

		assertThat(both.storedKeys()).containsExactly(stored);
		assertThat(keysOnly.storedKeys()).containsExactly(stored);
		assertThat(candidatesOnly.storedKeys()).isEmpty();
		assertThat(both.stored()).hasSameSizeAs(queries).isEqualTo(candidatesOnly.stored());
		for (var i = 0; i < queries.size(); i++) {
			var q = queries.get(i);
			assertThat(both.stored().get(i)).as("query %d", i)
				.containsExactlyElementsOf(duplicates.stored(q.category(), q.longitude(), q.latitude(), q.region(), q.now()));
		}
		assertThat(both.stored().get(0)).hasSize(2).extracting(DuplicateFinder.Candidate::id).contains(keyed.id());
		assertThat(both.stored().get(1)).isEmpty();
		assertThat(both.stored().get(2)).isEmpty();
	}

	@Test
	void aReportReadAloneGetsTheKeyAndCandidatesItGetsInABatchOfSeveral() {
		// cases-45: a batch of one report (with at most its own key) is read on PostgreSQL with scalar parameters
		// instead of arrays; it must read what the same report reads in a batch of several, of every kind.
		var supervisor = testing.demo("supervisor");
		var lng = lng();
		var lat = lat();
		cases.report(supervisor, report(SPILL, lng, lat).withIdempotencyKey("one-read-" + lng));
		cases.report(supervisor, report(SPILL, lng, lat + 60 * METRE));
		cases.report(supervisor, report(SPILL, lng, lat + 2_000 * METRE));
		cases.report(supervisor, report(GAS, lng, lat + 30 * METRE));
		cases.report(supervisor, withoutPoint(GAS));
		var stored = CaseIntake.keyOf(supervisor.id().toString(), "one-read-" + lng);
		var unknown = CaseIntake.keyOf(supervisor.id().toString(), "never-sent-" + lng);
		var now = time.now();
		var street = RegionCode.of("652301001000");
		var queries = List.of(new DuplicateFinder.Query(SPILL, lng, lat + 10 * METRE, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(SPILL, lng, lat + 10 * METRE, street, now),
				new DuplicateFinder.Query(GAS, lng, lat, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(GAS, null, null, CaseTesting.WEST_STREET, now),
				new DuplicateFinder.Query(SPILL, lng, lat + 1_000 * METRE, street, now),
				new DuplicateFinder.Query(SPILL, lng, lat, CaseTesting.WEST_STREET, now.plusSeconds(73 * 3600)));
		var other = new DuplicateFinder.Query(GAS, lng, lat, street, now);

		for (var q : queries) {
			for (var keys : List.of(List.<String>of(), List.of(stored), List.of(unknown))) {
				var alone = duplicates.readBatch(keys, List.of(q));
				var withOthers = new ArrayList<>(keys);
				withOthers.add(CaseIntake.keyOf(supervisor.id().toString(), "other-" + lng));
				var inBatch = duplicates.readBatch(withOthers, List.of(q, other));

				assertThat(alone.stored()).as("%s, keys %s", q, keys).hasSize(1);
				assertThat(alone.stored().get(0)).as("%s, keys %s", q, keys)
					.containsExactlyElementsOf(inBatch.stored().get(0))
					.containsExactlyElementsOf(
							duplicates.stored(q.category(), q.longitude(), q.latitude(), q.region(), q.now()));
				assertThat(alone.storedKeys()).as("%s, keys %s", q, keys)
					.containsExactlyInAnyOrderElementsOf(inBatch.storedKeys())
					.containsExactlyInAnyOrderElementsOf(keys.contains(stored) ? List.of(stored) : List.of());
			}
		}
		var read = duplicates.readBatch(List.of(), queries.subList(0, 4));
		assertThat(read.stored().get(0)).hasSize(2);
		assertThat(read.stored().get(1)).hasSize(2);
		assertThat(read.stored().get(2)).hasSize(2);
		assertThat(read.stored().get(3)).isNotEmpty();
		assertThat(duplicates.readBatch(List.of(), queries.subList(4, 6)).stored()).containsOnly(List.of());
	}

	private static Intake report(CategoryKey category, double lng, double lat) {
		return CaseTesting.report(Channel.PHONE, category, CaseTesting.WEST_STREET, lng, lat);
	}

	private static Intake withoutPoint(CategoryKey category) {
		return new Intake(Channel.PHONE, "燃气味", "楼道里有燃气味", category, Urgency.NORMAL, null, null, null, null,
				CaseTesting.WEST_STREET, null, null, true, false, null, List.of());
	}

	/** A point somewhere around 昌吉市, different in every test. */
	private static double lng() {
		return 87.20 + ThreadLocalRandom.current().nextDouble(0.15);
	}

	private static double lat() {
		return 43.90 + ThreadLocalRandom.current().nextDouble(0.15);
	}

}
