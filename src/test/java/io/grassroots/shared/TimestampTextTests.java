package io.grassroots.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampTextTests {

	private static final long YEAR_1583 = Instant.parse("1583-01-01T00:00:00Z").getEpochSecond();

	private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

	@Test
	void theTextIsTheSameInstantForWholeMicrosecondsFromTheGregorianCalendarsFirstWholeYearToTheYear9999() {
		var random = new SplittableRandom(17);
		for (var i = 0; i < 200_000; i++) {
			var at = Instant.ofEpochSecond(random.nextLong(YEAR_1583, YEAR_10000), random.nextInt(1_000_000) * 1000L);
			assertThat(Instant.parse(TimestampText.of(Timestamp.from(at)))).isEqualTo(at);
		}
		for (var edge : new String[] { "1583-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "1970-01-01T00:00:00Z",
				"1969-12-31T23:59:59.999999Z", "2026-12-06T15:20:01.000001Z" }) {
			assertThat(TimestampText.of(Timestamp.from(Instant.parse(edge)))).isEqualTo(edge);
		}
	}

	@Test
	void otherInstantsAreLeftToTheDriver() {
		assertThat(TimestampText.of(Timestamp.from(Instant.parse("0900-02-28T23:59:59Z")))).isNull();
		assertThat(TimestampText.of(Timestamp.from(Instant.parse("2026-12-06T15:20:01.000000001Z")))).isNull();
		assertThat(TimestampText.of(Timestamp.from(Instant.ofEpochSecond(YEAR_1583 - 1)))).isNull();
		assertThat(TimestampText.of(Timestamp.from(Instant.ofEpochSecond(YEAR_10000)))).isNull();
	}

}
