package io.grassroots.calendar;

import java.time.LocalDate;

import io.grassroots.shared.RegionCode;

/**
 * A date that breaks the normal week: a holiday (a day off, possibly on a weekday) or a make-up working day (调休,
 * usually a Saturday or Sunday).
 *
 * @param region where it applies: {@link RegionCode#ROOT} for national days, a region for regional holidays
 * @param date the date
 * @param off true for a day off, false for a make-up working day
 * @param name the holiday it belongs to, e.g. 春节 or 古尔邦节
 * @param source national (from the State Council's notice) or regional (entered by an administrator)
 */
public record CalendarDay(RegionCode region, LocalDate date, boolean off, String name, Source source) {

	public enum Source {

		NATIONAL, REGIONAL

	}

}
