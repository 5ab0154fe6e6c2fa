package io.grassroots.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.grassroots.shared.RegionCode;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remembered cases' bound (decisions cases-43, cases-55): the cases of the last remembers, each used only within
 * the time kept, a later version never replaced by an earlier one, each remembered case taken once, and every take
 * counted as found or not.
 */
class CaseSnapshotsBoundTests {

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private final AtomicLong nanos = new AtomicLong();

	private final CaseSnapshots snapshots = new CaseSnapshots(3, Duration.ofMinutes(30), nanos::get);

	@Test
	void onlyTheCasesOfTheLastRemembersAreKeptAndTheirTrackingCodesWithThem() {
		var first = written(0);
		var second = written(0);
		snapshots.remember(remembered(first));
		snapshots.remember(remembered(second));
		snapshots.remember(remembered(written(0)));
		snapshots.remember(remembered(written(0)));

		assertThat(snapshots.size()).isEqualTo(3);
		assertThat(snapshots.trackingCodes()).isEqualTo(3);
		assertThat(snapshots.take(first.id(), 0)).isNull();
		assertThat(snapshots.take(first.origin().trackingCode())).isNull();
		assertThat(snapshots.take(second.id(), 0).subject().id()).isEqualTo(second.id());
	}

	@Test
	void aCaseRememberedAgainIsNotForgottenWhenItsEarlierRememberLeavesTheRing() {
		var id = CaseId.next();
		snapshots.remember(remembered(written(id, "R1", 0)));
		snapshots.take(id, 0);
		snapshots.remember(remembered(written(id, "R1", 1)));
		snapshots.remember(remembered(written(0)));
		snapshots.remember(remembered(written(0))); // the slot of version 0 is taken now

		assertThat(snapshots.take("R1").subject().version()).isEqualTo(1);
	}

	@Test
	void aTakenCaseLeavesNoTrackingCodeBehindOnceItsRememberLeavesTheRing() {
		var taken = written(0);
		snapshots.remember(remembered(taken));
		assertThat(snapshots.take(taken.id(), 0)).isNotNull();
		for (var i = 0; i < 3; i++) {
			snapshots.remember(remembered(written(0)));
		}

		assertThat(snapshots.trackingCodes()).isEqualTo(3);
		assertThat(snapshots.take(taken.origin().trackingCode())).isNull();
	}

	@Test
	void aCaseIsNotUsedOnceTheTimeKeptHasPassedSinceItWasRemembered() {
		var written = written(0);
		snapshots.remember(remembered(written));
		nanos.addAndGet(Duration.ofMinutes(30).toNanos());

		assertThat(snapshots.take(written.id(), 0)).isNull();
		assertThat(snapshots.size()).isZero();
	}

	@Test
	void aLaterVersionRememberedFirstIsNotReplacedByAnEarlierOne() {
		var id = CaseId.next();
		snapshots.remember(remembered(written(id, "R2", 2)));
		snapshots.remember(remembered(written(id, "R2", 1)));

		assertThat(snapshots.take(id, 1)).isNull();
		assertThat(snapshots.take(id, 2).subject().version()).isEqualTo(2);
	}

	@Test
	void aRememberedCaseIsTakenOnce() {
		var written = written(0);
		snapshots.remember(remembered(written));

		assertThat(snapshots.take(written.id(), 0)).isNotNull();
		assertThat(snapshots.take(written.id(), 0)).isNull();
		assertThat(snapshots.take(written.origin().trackingCode())).isNull();
	}

	@Test
	void theDefaultBoundKeepsACaseForTheRemembersOfManyLifecyclesRunningBesideItsOwn() {
		var snapshots = new CaseSnapshots();
		var kept = written(0);
		snapshots.remember(remembered(kept));
		for (var i = 1; i < CaseSnapshots.MAXIMUM; i++) {
			snapshots.remember(remembered(written(0)));
		}

		assertThat(CaseSnapshots.MAXIMUM).isEqualTo(2_000);
		assertThat(snapshots.take(kept.id(), 0)).isNotNull();
	}

	@Test
	void everyTakeIsCountedAsFoundOrNot() {
		var registry = new SimpleMeterRegistry();
		Metrics.addRegistry(registry);
		try {
			var snapshots = new CaseSnapshots(3, Duration.ofMinutes(30), nanos::get);
			var written = written(0);
			snapshots.remember(remembered(written));

			snapshots.take(written.id(), 1); // another version
			snapshots.take(written.id(), 0);
			snapshots.take(written.id(), 0); // taken already
			snapshots.take(written.origin().trackingCode());

			assertThat(registry.counter("grassroots.cases.snapshots.taken", "result", "hit").count()).isEqualTo(1);
			assertThat(registry.counter("grassroots.cases.snapshots.taken", "result", "miss").count()).isEqualTo(3);
		}
		finally {
			Metrics.removeRegistry(registry);
		}
	}

	private static CaseSnapshots.Remembered remembered(Case c) {
		return new CaseSnapshots.Remembered(c, true);
	}

	private static Case written(long version) {
		return written(CaseId.next(), "R" + UUID.randomUUID().toString().substring(0, 9), version);
	}

	private static Case written(CaseId id, String code, long version) {
		var origin = new Origin(code, null, Channel.PHONE, new Reporter("v1:name", "v1:phone", "0123", null, true), true,
				null, null);
		return new Case(id, origin, CaseStatus.REPORTED, Tier.STREET,
				new Matter("占道", "占道经营", null, Urgency.NORMAL, false),
				new Place(RegionCode.of("652301001001"), UUID.randomUUID(), Placement.GRID, 87.3051234, 44.0123456, "宁边路1号"),
				null, null, null, null, Tally.zero(), Milestones.reported(NOW), null, version);
	}

}
