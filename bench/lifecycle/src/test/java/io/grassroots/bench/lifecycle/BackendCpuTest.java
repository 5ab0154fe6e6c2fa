package io.grassroots.bench.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.grassroots.bench.lifecycle.BackendCpu.Key;
import io.grassroots.bench.lifecycle.BackendCpu.Look;
import io.grassroots.bench.lifecycle.BackendCpu.Sample;
import io.grassroots.bench.lifecycle.BackendCpu.Window;

class BackendCpuTest {

	private static Sample ticks(long ticks) {
		return new Sample(ticks, ticks * 10, ticks * 2);
	}

	@Test
	void backendsPresentAtBothEndsCountTheirDifference() {
		var window = new Window(new Look(Map.of(new Key(10, 100), ticks(5_000), new Key(11, 100), ticks(7_000))));

		var spent = window.end(new Look(Map.of(new Key(10, 100), ticks(5_300), new Key(11, 100), ticks(7_200))));

		assertThat(spent.ticks()).isEqualTo(500);
		assertThat(spent.switches()).isEqualTo(5_000);
		assertThat(spent.writes()).isEqualTo(1_000);
		assertThat(spent).extracting(BackendCpu.Spent::count, BackendCpu.Spent::throughout, BackendCpu.Spent::started,
				BackendCpu.Spent::ended).containsExactly(2, 2, 0, 0);
	}

	@Test
	void aBackendThatEndedCountsWhatItSpentUpToItsLastLookNotMinusItsWholeLife() {
		var window = new Window(new Look(Map.of(new Key(10, 100), ticks(5_000), new Key(11, 100), ticks(7_000))));
		window.saw(new Look(Map.of(new Key(10, 100), ticks(5_040), new Key(11, 100), ticks(7_100))));

		// the pool closed 11 after the look in between and opened 12, which did 30 ticks of work by the end
		var spent = window.end(new Look(Map.of(new Key(10, 100), ticks(5_300), new Key(12, 900), ticks(30))));

		assertThat(spent.ticks()).isEqualTo(300 + 100 + 30);
		assertThat(spent.endsOnlyTicks()).isEqualTo(5_330 - 12_000);
		assertThat(spent).extracting(BackendCpu.Spent::count, BackendCpu.Spent::throughout, BackendCpu.Spent::started,
				BackendCpu.Spent::ended).containsExactly(2, 1, 1, 1);
	}

	@Test
	void aBackendThatEndedUnseenAfterTheFirstLookCountsNothingRatherThanANegativeFigure() {
		var window = new Window(new Look(Map.of(new Key(10, 100), ticks(5_000), new Key(11, 100), ticks(7_000))));

		var spent = window.end(new Look(Map.of(new Key(10, 100), ticks(5_300))));

		assertThat(spent.ticks()).isEqualTo(300);
		assertThat(spent.ended()).isEqualTo(1);
	}

	@Test
	void aBackendThatStartedAndEndedBetweenTheEndsCountsAllItWasSeenToSpend() {
		var window = new Window(new Look(Map.of(new Key(10, 100), ticks(5_000))));
		window.saw(new Look(Map.of(new Key(10, 100), ticks(5_100), new Key(13, 500), ticks(40))));

		var spent = window.end(new Look(Map.of(new Key(10, 100), ticks(5_200))));

		assertThat(spent.ticks()).isEqualTo(200 + 40);
		assertThat(spent).extracting(BackendCpu.Spent::count, BackendCpu.Spent::throughout, BackendCpu.Spent::started,
				BackendCpu.Spent::ended).containsExactly(1, 1, 1, 1);
	}

	@Test
	void aPidGivenToANewBackendIsANewBackend() {
		var window = new Window(new Look(Map.of(new Key(10, 100), ticks(5_000))));

		// backend 10 ended unseen; the kernel gave pid 10 to a backend started later, which spent 25 ticks
		var spent = window.end(new Look(Map.of(new Key(10, 800), ticks(25))));

		assertThat(spent.ticks()).isEqualTo(25);
		assertThat(spent).extracting(BackendCpu.Spent::count, BackendCpu.Spent::throughout, BackendCpu.Spent::started,
				BackendCpu.Spent::ended).containsExactly(1, 0, 1, 1);
	}

	@Test
	void writesAreUnknownWhenAnyBackendsIoIsUnreadable() {
		var window = new Window(new Look(Map.of(new Key(10, 100), new Sample(5, 50, -1))));

		var spent = window.end(new Look(Map.of(new Key(10, 100), new Sample(8, 80, -1))));

		assertThat(spent.ticks()).isEqualTo(3);
		assertThat(spent.writes()).isEqualTo(-1);
	}

	@Test
	void aProcessTitleNamesItsDatabaseOnlyForAClientBackend() {
		assertThat(BackendCpu.databaseOfTitle("postgres: 15/main: postgres bench_city 127.0.0.1(42042) idle in transaction"))
			.contains("bench_city");
		assertThat(BackendCpu.databaseOfTitle("postgres: postgres bench_lifecycle_flowable 127.0.0.1(5001) idle"))
			.contains("bench_lifecycle_flowable");
		assertThat(BackendCpu.databaseOfTitle("postgres: postgres bench_lifecycle [local] SELECT")).contains("bench_lifecycle");
		assertThat(BackendCpu.databaseOfTitle("postgres: 15/main: checkpointer")).isEmpty();
		assertThat(BackendCpu.databaseOfTitle("postgres: autovacuum launcher")).isEmpty();
		assertThat(BackendCpu.databaseOfTitle("postgres: logical replication launcher")).isEmpty();
		assertThat(BackendCpu.databaseOfTitle("/usr/lib/postgresql/15/bin/postgres -D /tmp/x")).isEmpty();
	}

}
