package io.grassroots.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.grassroots.shared.RegionCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkCalendarsSnapshotTests {

	private static Map<RegionCode, OfficeHours> hours() {
		return Map.of(RegionCode.ROOT, OfficeHours.standard());
	}

	private static Map<RegionCode, Map<LocalDate, CalendarDay>> days() {
		var days = new HashMap<RegionCode, Map<LocalDate, CalendarDay>>();
		days.put(RegionCode.ROOT, new HashMap<>(TestCalendars.nationalDays()));
		return days;
	}

	@Test
	void tablesThatReadBackUnchangedKeepTheCalendarsAlreadyBuilt() {
		var first = WorkCalendars.Snapshot.reread(null, hours(), days(), 1);
		var built = first.calendars().computeIfAbsent(RegionCode.ROOT,
				r -> new WorkCalendar(r, OfficeHours.standard(), TestCalendars.nationalDays()));

		var next = WorkCalendars.Snapshot.reread(first, hours(), days(), 2);

		assertThat(next.loadedAt()).isEqualTo(2);
		assertThat(next.calendars().get(RegionCode.ROOT)).isSameAs(built);
	}

	@Test
	void aChangedDayBuildsTheCalendarsAgainFromTheNewTables() {
		var first = WorkCalendars.Snapshot.reread(null, hours(), days(), 1);
		first.calendars().computeIfAbsent(RegionCode.ROOT,
				r -> new WorkCalendar(r, OfficeHours.standard(), TestCalendars.nationalDays()));
		var changed = days();
		var day = LocalDate.of(2026, 7, 1);
		changed.put(TestCalendars.XINJIANG,
				Map.of(day, new CalendarDay(TestCalendars.XINJIANG, day, true, "regional", CalendarDay.Source.REGIONAL)));

		var next = WorkCalendars.Snapshot.reread(first, hours(), changed, 2);

		assertThat(next.calendars()).isEmpty();
		assertThat(next.days()).isSameAs(changed);
	}

	@Test
	void changedOfficeHoursBuildTheCalendarsAgain() {
		var first = WorkCalendars.Snapshot.reread(null, hours(), days(), 1);
		first.calendars().computeIfAbsent(RegionCode.ROOT,
				r -> new WorkCalendar(r, OfficeHours.standard(), TestCalendars.nationalDays()));
		var other = Map.of(RegionCode.ROOT, new OfficeHours(OfficeHours.parseWorkdays("MON,TUE,WED,THU"),
				OfficeHours.standard().seasons()));

		var next = WorkCalendars.Snapshot.reread(first, other, days(), 2);

		assertThat(next.calendars()).isEmpty();
	}

}
