package io.grassroots.shared;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Beijing date of an instant, worked out without a zoned date-time, is the one a zoned date-time gives. */
class BeijingTimeTests {

	@Test
	void theDateOfAnInstantIsItsBeijingDateAsAZonedDateTimeSaysIt() {
		// around midnight, before the epoch, and in the years China kept summer time (1986–1991) and before
		var instants = new ArrayList<Instant>();
		for (var start : List.of("2025-07-07T00:00", "1988-04-10T00:00", "1988-09-11T00:00", "1940-06-01T00:00",
				"1969-12-31T00:00", "2099-12-31T00:00", "2026-12-01T00:00", "2027-01-01T00:00")) {
			var midnight = LocalDateTime.parse(start).atZone(BeijingTime.ZONE).toInstant();
			for (var seconds = -90_000L; seconds <= 90_000L; seconds += 599) {
				instants.add(midnight.plusSeconds(seconds));
			}
			instants.add(midnight.minusNanos(1));
			instants.add(midnight);
		}
		// and a wide sweep: every ≈ 9 days over four centuries
		for (var at = Instant.parse("1800-01-01T00:00:00Z"); at.isBefore(Instant.parse("2200-01-01T00:00:00Z"));
				at = at.plusSeconds(800_017)) {
			instants.add(at);
		}
		instants.add(Instant.EPOCH);
		instants.add(Instant.parse("2026-12-06T15:59:59.999999Z"));
		instants.add(Instant.parse("2026-12-06T16:00:00Z"));
		for (var instant : instants) {
			assertThat(BeijingTime.dateOf(instant)).as("%s", instant)
				.isEqualTo(instant.atZone(BeijingTime.ZONE).toLocalDate());
		}
	}

}
