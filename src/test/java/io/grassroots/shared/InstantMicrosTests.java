package io.grassroots.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An instant bound as its microseconds since the epoch is stored as the instant its text names. */
@IntegrationTest
class InstantMicrosTests {

	private static final Instant FIRST = Instant.parse("1685-06-01T00:00:00Z");

	private static final Instant LAST = Instant.parse("2255-06-01T00:00:00Z");

	@Autowired
	DataSource dataSource;

	@Test
	void theMicrosecondsAreTheInstantsSinceTheEpoch() {
		assertThat(InstantMicros.of(Timestamp.from(Instant.EPOCH))).isZero();
		assertThat(InstantMicros.of(Timestamp.from(Instant.parse("2026-12-07T02:18:00.123456Z"))))
			.isEqualTo(1_796_609_880_123_456L);
		assertThat(InstantMicros.of(Timestamp.from(Instant.parse("1969-12-31T23:59:59.999999Z")))).isEqualTo(-1L);
	}

	@Test
	void onlyWholeMicrosecondsAFloat8HoldsExactlyFit() {
		assertThat(InstantMicros.fits(null)).isFalse();
		assertThat(InstantMicros.fits(Timestamp.from(Instant.parse("2026-12-07T02:18:00.000000001Z")))).isFalse();
		assertThat(InstantMicros.fits(Timestamp.from(Instant.parse("2300-01-01T00:00:00Z")))).isFalse();
		assertThat(InstantMicros.fits(Timestamp.from(Instant.parse("1600-01-01T00:00:00Z")))).isFalse();
		assertThat(InstantMicros.fits(Timestamp.from(FIRST))).isTrue();
		assertThat(InstantMicros.fits(Timestamp.from(LAST))).isTrue();
		assertThat(InstantMicros.fits(Timestamp.from(Instant.parse("2026-12-07T02:18:00.123456Z")))).isTrue();
	}

	@Test
	void postgresStoresTheInstantTheTextNames() {
		assumeTrue(Databases.isPostgres(dataSource));
		var random = new SplittableRandom(27);
		var micros = new ArrayList<Long>();
		var texts = new ArrayList<String>();
		for (var i = 0; i < 50_000; i++) {
			var at = Instant.ofEpochSecond(random.nextLong(FIRST.getEpochSecond(), LAST.getEpochSecond()),
					random.nextInt(1_000_000) * 1000L);
			add(at, micros, texts);
		}
		for (var edge : new Instant[] { FIRST, LAST, Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.999999Z"),
				Instant.parse("2026-12-07T02:18:00.999999Z"), Instant.parse("2026-12-07T02:18:00.000001Z") }) {
			add(edge, micros, texts);
		}
		var differing = new JdbcTemplate(dataSource).queryForObject("""
				select count(*) from unnest(?::int8[], ?::text[]) u (m, t)
				where %s is distinct from t::timestamptz""".formatted(InstantMicros.PARAMETER.replace("?", "m")),
				Long.class, micros.toArray(Long[]::new), texts.toArray(String[]::new));
		assertThat(differing).isZero();
		assertThat(micros).hasSize(50_006);
	}

	private static void add(Instant at, ArrayList<Long> micros, ArrayList<String> texts) {
		var stamp = Timestamp.from(at);
		assertThat(InstantMicros.fits(stamp)).isTrue();
		micros.add(InstantMicros.of(stamp));
		texts.add(InstantText.of(at));
	}

}
