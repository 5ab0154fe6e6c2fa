package io.grassroots.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.RegionCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the yearly holiday files of holiday-cn ({@code {"year": 2025, "days": [{"name", "date", "isOffDay"}]}}) and
 * checks every entry. It writes nothing.
 */
final class HolidayImport {

	static final int MAX_BYTES = 1_000_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HolidayImport() {
	}

	/** One uploaded file. */
	record Upload(String name, byte[] content) {
	}

	/** The days of every notice year in the files, or the problems that refuse them. */
	record Checked(Map<Integer, List<CalendarDay>> years, List<Problem> problems) {
	}

	static Checked check(List<Upload> uploads) {
		var years = new TreeMap<Integer, List<CalendarDay>>();
		var problems = new ArrayList<Problem>();
		if (uploads.isEmpty()) {
			problems.add(Problem.of("", 0, "", "calendar.import.noFiles"));
		}
		for (var upload : uploads) {
			read(upload, years, problems);
		}
		return new Checked(years, problems);
	}

	private static void read(Upload upload, Map<Integer, List<CalendarDay>> years, List<Problem> problems) {
		var name = upload.name() == null ? "" : upload.name();
		if (upload.content().length > MAX_BYTES) {
			problems.add(Problem.of(name, 0, "", "calendar.import.tooLarge", MAX_BYTES / 1000));
			return;
		}
		JsonNode root;
		try {
			root = JSON.readTree(new String(upload.content(), StandardCharsets.UTF_8));
		}
		catch (JacksonException e) {
			problems.add(Problem.of(name, 0, "", "calendar.import.notJson"));
			return;
		}
		var year = root == null ? null : root.get("year");
		var days = root == null ? null : root.get("days");
		if (year == null || !year.isInt() || year.asInt() < 2000 || year.asInt() > 2100 || days == null
				|| !days.isArray()) {
			problems.add(Problem.of(name, 0, "year", "calendar.import.layout"));
			return;
		}
		if (years.containsKey(year.asInt())) {
			problems.add(Problem.of(name, 0, "year", "calendar.import.duplicateYear", year.asInt()));
			return;
		}
		years.put(year.asInt(), readDays(name, year.asInt(), days, problems));
	}

	private static List<CalendarDay> readDays(String source, int year, JsonNode days, List<Problem> problems) {
		var result = new ArrayList<CalendarDay>();
		var seen = new HashSet<LocalDate>();
		for (var i = 0; i < days.size(); i++) {
			var entry = days.get(i);
			var where = "days[" + i + "]";
			var name = entry.path("name").isString() ? entry.path("name").asString().strip() : "";
			var off = entry.path("isOffDay");
			LocalDate date;
			try {
				date = LocalDate.parse(entry.path("date").asString(""));
			}
			catch (DateTimeParseException e) {
				problems.add(Problem.of(source, i + 1, where + ".date", "calendar.import.badDate"));
				continue;
			}
			if (name.isEmpty() || name.length() > 100 || !off.isBoolean()) {
				problems.add(Problem.of(source, i + 1, where, "calendar.import.badEntry"));
			}
			else if (Math.abs(date.getYear() - year) > 1 || !seen.add(date)) {
				problems.add(Problem.of(source, i + 1, where + ".date", "calendar.import.dateOutsideYear", date, year));
			}
			else {
				result.add(new CalendarDay(RegionCode.ROOT, date, off.asBoolean(), name, CalendarDay.Source.NATIONAL));
			}
		}
		return result;
	}

}
