package io.grassroots.calendar;

import java.time.Instant;

/**
 * A span of time {@code [from, to)}, for example while a case was parked.
 */
public record Interval(Instant from, Instant to) {

	public Interval {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("An interval ends after it starts: " + from + " .. " + to);
		}
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(from) && instant.isBefore(to);
	}

}
