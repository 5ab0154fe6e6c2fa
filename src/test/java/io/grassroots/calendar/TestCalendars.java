package io.grassroots.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.grassroots.shared.RegionCode;

/** Calendars built from the seed holiday files, without a database. */
final class TestCalendars {

	static final RegionCode CHANGJI = RegionCode.padded("652301");

	static final RegionCode XINJIANG = RegionCode.padded("65");

	private static final Map<LocalDate, CalendarDay> NATIONAL = readNational();

	private TestCalendars() {
	}

	/** Xinjiang's seasonal hours, the national days and the demo regional holidays. */
	static WorkCalendar xinjiang() {
		var days = new HashMap<>(NATIONAL);
		for (var date : List.of("2025-03-31", "2025-06-06", "2025-06-07", "2025-06-08", "2026-03-20", "2026-05-27",
				"2026-05-28", "2026-05-29")) {
			var day = LocalDate.parse(date);
			days.put(day, new CalendarDay(XINJIANG, day, true, "regional", CalendarDay.Source.REGIONAL));
		}
		var hours = new OfficeHours(OfficeHours.parseWorkdays("MON,TUE,WED,THU,FRI"),
				List.of(OfficeHours.Season.parse("05-01", "09-30", "10:00-14:00,16:00-20:00"),
						OfficeHours.Season.parse("10-01", "04-30", "10:00-14:00,15:30-19:30")));
		return new WorkCalendar(CHANGJI, hours, days);
	}

	/** The national default hours and days. */
	static WorkCalendar national() {
		return new WorkCalendar(RegionCode.ROOT, OfficeHours.standard(), NATIONAL);
	}

	static Map<LocalDate, CalendarDay> nationalDays() {
		return NATIONAL;
	}

	private static Map<LocalDate, CalendarDay> readNational() {
		var uploads = new ArrayList<HolidayImport.Upload>();
		IntStream.rangeClosed(2019, 2026).forEach(year -> uploads.add(new HolidayImport.Upload(year + ".json",
				read(Path.of("src/main/resources/seed/holidays/" + year + ".json")))));
		var checked = HolidayImport.check(uploads);
		if (!checked.problems().isEmpty()) {
			throw new IllegalStateException(checked.problems().toString());
		}
		var days = new HashMap<LocalDate, CalendarDay>();
		checked.years().values().forEach(list -> list.forEach(d -> days.put(d.date(), d)));
		return Map.copyOf(days);
	}

	private static byte[] read(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
