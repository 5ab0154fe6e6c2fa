package io.grassroots.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes the calendar tables. They are small (a few rows per region and a few dozen days per year), so
 * readers take everything at once.
 */
@Repository
class CalendarStore {

	private final JdbcClient jdbc;

	CalendarStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<RegionCode, OfficeHours> officeHours() {
		var seasons = new LinkedHashMap<RegionCode, List<OfficeHours.Season>>();
		var workdays = new LinkedHashMap<RegionCode, String>();
		jdbc.sql("select region, season_from, season_to, workdays, shifts from calendar_office_hours order by region, season_from")
			.query(rs -> {
				var region = RegionCode.of(rs.getString("region"));
				seasons.computeIfAbsent(region, r -> new ArrayList<>())
					.add(OfficeHours.Season.parse(rs.getString("season_from"), rs.getString("season_to"),
							rs.getString("shifts")));
				workdays.put(region, rs.getString("workdays"));
			});
		var hours = new LinkedHashMap<RegionCode, OfficeHours>();
		seasons.forEach((region, list) -> hours.put(region,
				new OfficeHours(OfficeHours.parseWorkdays(workdays.get(region)), list)));
		return hours;
	}

	List<CalendarDay> days() {
		return jdbc.sql("select region, on_date, day_off, name, source from calendar_day order by on_date")
			.query((rs, n) -> new CalendarDay(RegionCode.of(rs.getString("region")), rs.getDate("on_date").toLocalDate(),
					rs.getBoolean("day_off"), rs.getString("name"), CalendarDay.Source.valueOf(rs.getString("source"))))
			.list();
	}

	List<Integer> nationalYears() {
		return jdbc.sql("select distinct notice_year from calendar_day where source = 'NATIONAL' order by notice_year")
			.query(Integer.class)
			.list();
	}

	void replaceOfficeHours(RegionCode region, OfficeHours hours) {
		removeOfficeHours(region);
		for (var season : hours.seasons()) {
			jdbc.sql("""
					insert into calendar_office_hours (region, season_from, season_to, workdays, shifts)
					values (:region, :from, :to, :workdays, :shifts)""")
				.param("region", region.value())
				.param("from", season.fromText())
				.param("to", season.toText())
				.param("workdays", hours.workdaysText())
				.param("shifts", season.shiftsText())
				.update();
		}
	}

	void removeOfficeHours(RegionCode region) {
		jdbc.sql("delete from calendar_office_hours where region = :region").param("region", region.value()).update();
	}

	/** Replaces the national days of one notice year. */
	void replaceNationalYear(int year, List<CalendarDay> days) {
		jdbc.sql("delete from calendar_day where source = 'NATIONAL' and notice_year = :year").param("year", year).update();
		days.forEach(day -> insert(day, year));
	}

	void insert(CalendarDay day, int noticeYear) {
		jdbc.sql("""
				insert into calendar_day (region, on_date, day_off, name, source, notice_year)
				values (:region, :date, :off, :name, :source, :year)""")
			.param("region", day.region().value())
			.param("date", Date.valueOf(day.date()))
			.param("off", day.off())
			.param("name", day.name())
			.param("source", day.source().name())
			.param("year", noticeYear)
			.update();
	}

	boolean exists(RegionCode region, LocalDate date) {
		return jdbc.sql("select count(*) from calendar_day where region = :region and on_date = :date")
			.param("region", region.value())
			.param("date", Date.valueOf(date))
			.query(Long.class)
			.single() > 0;
	}

	int removeRegional(RegionCode region, LocalDate date) {
		return jdbc.sql("delete from calendar_day where source = 'REGIONAL' and region = :region and on_date = :date")
			.param("region", region.value())
			.param("date", Date.valueOf(date))
			.update();
	}

}
