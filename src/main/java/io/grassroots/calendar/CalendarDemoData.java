package io.grassroots.calendar;

import java.time.LocalDate;
import java.util.List;

import io.grassroots.shared.DemoData;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * Xinjiang's regional holidays (肉孜节 and 古尔邦节) for the demo years. The dates follow the lunar calendar and are
 * announced by the regional government each year; these are demo entries to be checked against that notice.
 */
@Component
class CalendarDemoData implements DemoData {

	static final RegionCode XINJIANG = RegionCode.padded("65");

	private final CalendarStore store;

	private final WorkCalendars calendars;

	CalendarDemoData(CalendarStore store, WorkCalendars calendars) {
		this.store = store;
		this.calendars = calendars;
	}

	@Override
	public String name() {
		return "calendar.xinjiang-regional-holidays";
	}

	@Override
	public int order() {
		return 350;
	}

	@Override
	public void load() {
		var days = List.of(day("2025-03-31", "肉孜节"), day("2025-06-06", "古尔邦节"), day("2025-06-07", "古尔邦节"),
				day("2025-06-08", "古尔邦节"), day("2026-03-20", "肉孜节"), day("2026-05-27", "古尔邦节"),
				day("2026-05-28", "古尔邦节"), day("2026-05-29", "古尔邦节"));
		for (var day : days) {
			if (!store.exists(XINJIANG, day.date())) {
				store.insert(day, day.date().getYear());
			}
		}
		calendars.invalidate();
	}

	private static CalendarDay day(String date, String name) {
		return new CalendarDay(XINJIANG, LocalDate.parse(date), true, name, CalendarDay.Source.REGIONAL);
	}

}
