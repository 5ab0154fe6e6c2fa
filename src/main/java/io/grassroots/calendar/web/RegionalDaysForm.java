package io.grassroots.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.grassroots.calendar.CalendarManagement;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

/** A regional holiday as typed in the console or sent to the API. */
record RegionalDaysForm(String region, String from, String to, String name, Boolean off) {

	CalendarManagement.RegionalDays days() {
		return new CalendarManagement.RegionalDays(CalendarInput.region(region), date("from", from),
				date("to", to == null || to.isBlank() ? from : to), name, off == null || off);
	}

	static LocalDate date(String where, String text) {
		try {
			return LocalDate.parse(text == null ? "" : text.strip());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(where, "calendar.badDate", text);
		}
	}

}
