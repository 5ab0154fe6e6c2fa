package io.grassroots.calendar.web;

import java.util.ArrayList;

import io.grassroots.calendar.OfficeHours;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

/**
 * The office hours of a region as typed in: weekdays {@code MON,TUE,…} and one season per line,
 * {@code 05-01 09-30 10:00-14:00,16:00-20:00}.
 */
record OfficeHoursForm(String region, String workdays, String seasons) {

	static final int MAX_TEXT = 2_000;

	RegionCode regionCode() {
		return CalendarInput.region(region);
	}

	OfficeHours hours() {
		if (workdays == null || seasons == null || seasons.length() > MAX_TEXT || workdays.length() > 100) {
			throw InvalidInputException.of("seasons", "calendar.hours.badSeason", "");
		}
		try {
			var list = new ArrayList<OfficeHours.Season>();
			for (var line : seasons.strip().split("\\R")) {
				var parts = line.strip().split("\\s+");
				if (parts.length != 3) {
					throw InvalidInputException.of("seasons", "calendar.hours.badSeason", line);
				}
				list.add(OfficeHours.Season.parse(parts[0], parts[1], parts[2]));
			}
			return new OfficeHours(OfficeHours.parseWorkdays(workdays), list);
		}
		catch (IllegalArgumentException | java.time.DateTimeException e) {
			throw InvalidInputException.of("seasons", "calendar.hours.badSeason", seasons);
		}
	}

	/** The same hours written back in the form's layout. */
	static String seasonsText(OfficeHours hours) {
		var text = new StringBuilder();
		hours.seasons().forEach(s -> text.append(s.fromText()).append(' ').append(s.toText()).append(' ')
			.append(s.shiftsText()).append('\n'));
		return text.toString().strip();
	}

}
