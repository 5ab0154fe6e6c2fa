package io.grassroots.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every clock in the product is in Beijing time; regions keep their own office hours on top of it.
 */
@Configuration(proxyBeanMethods = false)
public class BeijingTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final ZoneRules RULES = ZONE.getRules();

	/**
	 * The Beijing date of an instant: {@code instant.atZone(ZONE).toLocalDate()}, computed as that does (the zone's
	 * offset at the instant, the local second's epoch day) without its zoned and local date-time. The calendar asks
	 * for a dozen dates when a transition starts a clock and the month tallies for one per counted event; the zoned
	 * date-times were most of what the calendar allocated on that path (bench/RESULTS.md § lifecycle, lifecycle24).
	 */
	public static LocalDate dateOf(Instant instant) {
		var offset = RULES.getOffset(instant).getTotalSeconds();
		return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond() + offset, 86_400L));
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(ZONE);
	}

}
