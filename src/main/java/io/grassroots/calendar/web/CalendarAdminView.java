package io.grassroots.calendar.web;

import java.util.List;

import io.grassroots.calendar.CalendarDay;

/**
 * The calendar administration page: office hours by region, and the national and regional days of one year.
 */
public record CalendarAdminView(int year, List<Integer> years, List<HoursRow> hours, List<CalendarDay> days) {

	/** One region's own office hours. */
	public record HoursRow(String region, String regionName, String workdays, String seasons, boolean root) {
	}

}
