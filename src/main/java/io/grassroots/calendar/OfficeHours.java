package io.grassroots.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The office hours of a region: on which weekdays offices open, and their shifts, which may change with the season
 * (Xinjiang keeps, for example, 10:00–14:00 and 16:00–20:00 Beijing time in summer). Every day of the year belongs
 * to exactly one season.
 *
 * @param workdays the weekdays that are working days unless a holiday says otherwise
 * @param seasons the seasons, each with its shifts
 */
public record OfficeHours(Set<DayOfWeek> workdays, List<Season> seasons) {

	public OfficeHours {
		workdays = workdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workdays));
		seasons = List.copyOf(seasons);
	}

	/** Monday to Friday, 09:00–12:00 and 13:00–17:00, all year. */
	public static OfficeHours standard() {
		return new OfficeHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				List.of(Season.parse("01-01", "12-31", "09:00-12:00,13:00-17:00")));
	}

	/** The shifts of a date's season (whether or not the date is a working day). */
	public List<Shift> shiftsOn(LocalDate date) {
		var day = MonthDay.from(date);
		return seasons.stream().filter(s -> s.covers(day)).findFirst().map(Season::shifts).orElse(List.of());
	}

	/** What is wrong with these hours, as message keys; empty when they are usable. */
	public List<String> problems() {
		var problems = new ArrayList<String>();
		if (workdays.isEmpty()) {
			problems.add("calendar.hours.noWorkdays");
		}
		for (var month = 1; month <= 12; month++) {
			for (var day = 1; day <= MonthDay.of(month, 1).getMonth().maxLength(); day++) {
				var monthDay = MonthDay.of(month, day);
				var covering = seasons.stream().filter(s -> s.covers(monthDay)).count();
				if (covering != 1) {
					problems.add(covering == 0 ? "calendar.hours.seasonGap" : "calendar.hours.seasonOverlap");
					return problems;
				}
			}
		}
		seasons.stream().filter(s -> !s.shiftsAreOrdered()).findFirst()
			.ifPresent(s -> problems.add("calendar.hours.shiftOverlap"));
		return problems;
	}

	/** The weekdays as stored: {@code MON,TUE,WED,THU,FRI}. */
	public String workdaysText() {
		return workdays.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
	}

	public static Set<DayOfWeek> parseWorkdays(String text) {
		var days = EnumSet.noneOf(DayOfWeek.class);
		for (var part : text.split(",")) {
			var name = part.strip().toUpperCase();
			if (name.isEmpty()) {
				continue;
			}
			days.add(java.util.Arrays.stream(DayOfWeek.values())
				.filter(d -> d.name().startsWith(name) && name.length() >= 3)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Not a weekday: " + part)));
		}
		return days;
	}

	/**
	 * A part of the year, {@code from} to {@code to} inclusive; it may wrap around the new year (10-01 to 04-30).
	 */
	public record Season(MonthDay from, MonthDay to, List<Shift> shifts) {

		public Season {
			shifts = shifts.stream().sorted(Comparator.comparing(Shift::from)).toList();
			if (shifts.isEmpty()) {
				throw new IllegalArgumentException("A season has at least one shift");
			}
		}

		/** Reads {@code 05-01}, {@code 09-30} and {@code 10:00-14:00,16:00-20:00}. */
		public static Season parse(String from, String to, String shifts) {
			try {
				var list = new ArrayList<Shift>();
				for (var part : shifts.split(",")) {
					if (!part.isBlank()) {
						list.add(Shift.parse(part));
					}
				}
				return new Season(MonthDay.parse("--" + from.strip()), MonthDay.parse("--" + to.strip()), list);
			}
			catch (DateTimeParseException e) {
				throw new IllegalArgumentException("Not a season: " + from + ".." + to + " " + shifts, e);
			}
		}

		public boolean covers(MonthDay day) {
			if (!from.isAfter(to)) {
				return !day.isBefore(from) && !day.isAfter(to);
			}
			return !day.isBefore(from) || !day.isAfter(to);
		}

		boolean shiftsAreOrdered() {
			for (var i = 1; i < shifts.size(); i++) {
				if (shifts.get(i).from().isBefore(shifts.get(i - 1).to())) {
					return false;
				}
			}
			return true;
		}

		public String fromText() {
			return String.format("%02d-%02d", from.getMonthValue(), from.getDayOfMonth());
		}

		public String toText() {
			return String.format("%02d-%02d", to.getMonthValue(), to.getDayOfMonth());
		}

		public String shiftsText() {
			return shifts.stream().map(Shift::toString).collect(Collectors.joining(","));
		}

	}

	/** One stretch of office time within a day, {@code [from, to)}. */
	public record Shift(LocalTime from, LocalTime to) {

		public Shift {
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("A shift ends after it starts: " + from + "-" + to);
			}
		}

		public static Shift parse(String text) {
			var parts = text.strip().split("-");
			if (parts.length != 2) {
				throw new IllegalArgumentException("Not a shift: " + text);
			}
			return new Shift(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
		}

		@Override
		public String toString() {
			return from + "-" + to;
		}

	}

}
