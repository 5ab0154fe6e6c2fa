package io.grassroots.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * The time case transitions happen at: the clock's, or — for demo data replaying a few months — a time fixed for the
 * current thread, so that deadlines and history agree with the story being told.
 */
@Component
class CaseTime {

	private final Clock clock;

	private final ThreadLocal<Instant> fixed = new ThreadLocal<>();

	CaseTime(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Whole microseconds, as both databases store an instant: a case holds what its row holds
	 * ({@link CaseSnapshots}).
	 */
	Instant now() {
		var at = fixed.get();
		return (at != null ? at : clock.instant()).truncatedTo(ChronoUnit.MICROS);
	}

	<T> T at(Instant instant, Supplier<T> work) {
		fixed.set(instant);
		try {
			return work.get();
		}
		finally {
			fixed.remove();
		}
	}

}
