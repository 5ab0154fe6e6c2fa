package io.grassroots.audit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remembered heads' bound: the heads of the last remembers, each used only within the time kept, a later head
 * never replaced by an earlier one, a head read by every append until it leaves (a head is not taken), and every
 * read counted as found or not (decision cases-55).
 */
class ChainHeadsBoundTests {

	private final AtomicLong nanos = new AtomicLong();

	private final ChainHeads heads = new ChainHeads(3, Duration.ofMinutes(30), nanos::get);

	@Test
	void onlyTheHeadsOfTheLastRemembersAreKept() {
		heads.committed("a", 1, "ha");
		heads.committed("b", 1, "hb");
		heads.committed("c", 1, "hc");
		heads.committed("d", 1, "hd");

		assertThat(heads.size()).isEqualTo(3);
		assertThat(heads.of("a")).isNull();
		assertThat(heads.of("b")).isEqualTo(new ChainHeads.Head(1, "hb"));
		assertThat(heads.of("d")).isEqualTo(new ChainHeads.Head(1, "hd"));
	}

	@Test
	void aStreamAppendedToAgainKeepsItsHeadWhenItsEarlierRememberLeaves() {
		heads.committed("a", 1, "h1");
		heads.committed("b", 1, "hb");
		heads.committed("a", 2, "h2");
		heads.committed("c", 1, "hc"); // the slot of a's first head is taken now

		assertThat(heads.of("a")).isEqualTo(new ChainHeads.Head(2, "h2"));
		assertThat(heads.of("a")).isEqualTo(new ChainHeads.Head(2, "h2"));
	}

	@Test
	void aLaterHeadRememberedFirstIsNotReplacedByAnEarlierOne() {
		heads.committed("a", 5, "h5");
		heads.committed("a", 4, "h4");

		assertThat(heads.of("a")).isEqualTo(new ChainHeads.Head(5, "h5"));
	}

	@Test
	void aHeadIsNotUsedOnceTheTimeKeptHasPassedSinceItWasRemembered() {
		heads.committed("a", 1, "h1");
		nanos.addAndGet(Duration.ofMinutes(30).toNanos());

		assertThat(heads.of("a")).isNull();
	}

	@Test
	void clearingForgetsEveryHead() {
		heads.committed("a", 1, "h1");
		heads.committed(java.util.Map.of("b", new ChainHeads.Head(3, "h3")));
		heads.clear();

		assertThat(heads.of("a")).isNull();
		assertThat(heads.of("b")).isNull();
		assertThat(heads.size()).isZero();
	}

	@Test
	void theDefaultBoundKeepsAHeadForTheRemembersOfManyLifecyclesRunningBesideItsOwn() {
		var heads = new ChainHeads();
		heads.committed("case:kept", 1, "h1");
		for (var i = 1; i < ChainHeads.MAXIMUM; i++) {
			heads.committed("case:" + i, 1, "h");
		}

		assertThat(ChainHeads.MAXIMUM).isEqualTo(2_000);
		assertThat(heads.of("case:kept")).isEqualTo(new ChainHeads.Head(1, "h1"));
		heads.committed("case:last", 1, "h");
		assertThat(heads.of("case:kept")).isNull();
	}

	@Test
	void everyReadIsCountedAsFoundOrNot() {
		var registry = new SimpleMeterRegistry();
		Metrics.addRegistry(registry);
		try {
			var heads = new ChainHeads(3, Duration.ofMinutes(30), nanos::get);
			heads.committed("a", 1, "h1");

			heads.of("a");
			heads.of("a");
			heads.of("b");

			assertThat(registry.counter("grassroots.audit.heads.read", "result", "hit").count()).isEqualTo(2);
			assertThat(registry.counter("grassroots.audit.heads.read", "result", "miss").count()).isEqualTo(1);
		}
		finally {
			Metrics.removeRegistry(registry);
		}
	}

}
