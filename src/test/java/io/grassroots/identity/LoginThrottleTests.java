package io.grassroots.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

	private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T08:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(new IdentityProperties(3, 5, Duration.ofMinutes(15)), clock);

	@Test
	void anAccountIsRefusedAfterItsFailuresUntilTheWindowPassesByTheClock() {
		for (var attempt = 0; attempt < 3; attempt++) {
			assertThat(throttle.allows("wang", "10.0.0.1")).isTrue();
			throttle.failed("wang", "10.0.0.1");
		}
		assertThat(throttle.allows("wang", "10.0.0.1")).isFalse();
		assertThat(throttle.allows("li", "10.0.0.1")).isTrue();
		assertThat(throttle.allows("wang", "10.0.0.2")).isTrue();

		clock.move(Duration.ofMinutes(14));
		assertThat(throttle.allows("wang", "10.0.0.1")).isFalse();
		clock.move(Duration.ofMinutes(1));
		assertThat(throttle.allows("wang", "10.0.0.1")).isTrue();
	}

	@Test
	void anAddressIsRefusedForEveryAccountOnceItsOwnFailuresAreSpent() {
		for (var attempt = 0; attempt < 5; attempt++) {
			throttle.failed("user" + attempt, "10.0.0.9");
		}
		assertThat(throttle.allows("someone-else", "10.0.0.9")).isFalse();
		assertThat(throttle.allows("someone-else", "10.0.0.10")).isTrue();
	}

	@Test
	void aSuccessForgetsTheAccountsFailures() {
		throttle.failed("zhao", "10.0.0.3");
		throttle.failed("zhao", "10.0.0.3");
		throttle.succeeded("zhao", "10.0.0.3");
		throttle.failed("zhao", "10.0.0.3");
		throttle.failed("zhao", "10.0.0.3");
		assertThat(throttle.allows("zhao", "10.0.0.3")).isTrue();
	}

	private static final class MovingClock extends Clock {

		private Instant now;

		MovingClock(Instant now) {
			this.now = now;
		}

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
