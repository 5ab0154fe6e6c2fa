package io.grassroots.calendar.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.grassroots.calendar.CalendarManagement;
import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

import org.springframework.web.multipart.MultipartFile;

/** Turns what the console and the API receive into calendar values, or says what is wrong with it. */
final class CalendarInput {

	private CalendarInput() {
	}

	static RegionCode region(String text) {
		if (!RegionCode.isValid(text == null ? null : text.strip())) {
			throw InvalidInputException.of("region", "calendar.badRegion", text);
		}
		return RegionCode.of(text.strip());
	}

	static TimeLimit limit(String amount, LimitUnit unit) {
		try {
			return new TimeLimit(Integer.parseInt(amount == null ? "" : amount.strip()), unit);
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("amount", "calendar.badAmount", TimeLimit.MAX_AMOUNT);
		}
	}

	static Instant beijingTime(String where, String text) {
		try {
			return LocalDateTime.parse(text == null ? "" : text.strip()).atZone(BeijingTime.ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(where, "calendar.badDate", text);
		}
	}

	static List<CalendarManagement.HolidayFile> holidayFiles(List<MultipartFile> files) throws IOException {
		var result = new ArrayList<CalendarManagement.HolidayFile>();
		for (var file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty()) {
				result.add(new CalendarManagement.HolidayFile(file.getOriginalFilename(), file.getBytes()));
			}
		}
		return result;
	}

	/** Passes a clean report through; a refused one becomes a 400 that lists every problem. */
	static ImportReport imported(ImportReport report) {
		if (!report.ok()) {
			throw new InvalidInputException("calendar.import.refused", report.refused()
				.stream()
				.map(p -> new InvalidInputException.Violation(p.source() + ":" + p.line()
						+ (p.column().isEmpty() ? "" : ":" + p.column()), p.messageKey(), p.arguments().toArray()))
				.toList(), report.refused().size());
		}
		return report;
	}

}
