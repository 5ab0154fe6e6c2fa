package io.grassroots.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.grassroots.shared.BeijingTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class WorkCalendarTests {

	final WorkCalendar xinjiang = TestCalendars.xinjiang();

	static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(BeijingTime.ZONE).toInstant();
	}

	@Test
	void workingHoursSkipTheMiddayBreakOfXinjiangSummerHours() {
		assertThat(xinjiang.deadline(at("2025-07-07T13:30"), TimeLimit.workingHours(1))).isEqualTo(at("2025-07-07T16:30"));
	}

	@Test
	void winterHoursApplyFromOctober() {
		assertThat(xinjiang.deadline(at("2025-10-13T13:30"), TimeLimit.workingHours(1))).isEqualTo(at("2025-10-13T16:00"));
	}

	@Test
	void workingHoursStartingAtNightBeginWhenTheOfficeOpens() {
		assertThat(xinjiang.deadline(at("2025-07-07T23:00"), TimeLimit.workingHours(2))).isEqualTo(at("2025-07-08T12:00"));
	}

	@Test
	void aWeekendIsSkipped() {
		assertThat(xinjiang.deadline(at("2025-07-11T19:30"), TimeLimit.workingHours(1))).isEqualTo(at("2025-07-14T10:30"));
	}

	@Test
	void aMakeUpSundayIsAWorkingDay() {
		// 2025-01-26 is a Sunday worked in exchange for the Spring Festival.
		assertThat(xinjiang.isWorkingDay(LocalDate.parse("2025-01-26"))).isTrue();
		assertThat(xinjiang.deadline(at("2025-01-24T19:00"), TimeLimit.workingHours(1))).isEqualTo(at("2025-01-26T10:30"));
	}

	@Test
	void nationalHolidaysAreSkipped() {
		// National Day 2025: 1–8 October off, Saturday 11 October worked.
		assertThat(xinjiang.deadline(at("2025-09-30T19:00"), TimeLimit.workingHours(2))).isEqualTo(at("2025-10-09T11:00"));
		assertThat(xinjiang.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();
	}

	@Test
	void regionalHolidaysAreSkippedOnlyWhereTheyApply() {
		// 古尔邦节 2025 falls on Friday 6 June in Xinjiang; the national calendar works that day.
		assertThat(xinjiang.isWorkingDay(LocalDate.parse("2025-06-06"))).isFalse();
		assertThat(TestCalendars.national().isWorkingDay(LocalDate.parse("2025-06-06"))).isTrue();
		assertThat(xinjiang.deadline(at("2025-06-05T19:00"), TimeLimit.workingHours(2))).isEqualTo(at("2025-06-09T11:00"));
	}

	@Test
	void workingDaysEndWhenTheOfficeClosesAndDoNotCountTheFirstDay() {
		assertThat(xinjiang.deadline(at("2025-07-07T11:00"), TimeLimit.workingDays(1))).isEqualTo(at("2025-07-08T20:00"));
		assertThat(xinjiang.deadline(at("2025-07-07T11:00"), TimeLimit.workingDays(7))).isEqualTo(at("2025-07-16T20:00"));
		assertThat(xinjiang.deadline(at("2025-07-12T11:00"), TimeLimit.workingDays(1))).isEqualTo(at("2025-07-14T20:00"));
	}

	@Test
	void minutesRunDayAndNight() {
		assertThat(xinjiang.deadline(at("2025-10-01T23:50"), TimeLimit.minutes(30))).isEqualTo(at("2025-10-02T00:20"));
	}

	@Test
	void elapsedWorkingTimeCountsOnlyOfficeTime() {
		assertThat(xinjiang.elapsed(at("2025-07-07T13:00"), at("2025-07-08T11:00"), LimitUnit.WORKING_HOURS))
			.isEqualTo(Duration.ofHours(6));
		assertThat(xinjiang.workingDaysElapsed(at("2025-07-07T13:00"), at("2025-07-09T20:00"))).isEqualTo(2);
	}

	@Test
	void parkingStopsTheClock() {
		var start = at("2025-07-07T10:00");
		var parked = List.of(new Interval(at("2025-07-07T11:00"), at("2025-07-09T10:00")));
		assertThat(xinjiang.deadline(start, TimeLimit.workingHours(2), parked)).isEqualTo(at("2025-07-09T11:00"));
		assertThat(xinjiang.elapsed(start, at("2025-07-09T11:00"), LimitUnit.WORKING_HOURS, parked))
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void aCalendarWithoutOfficeTimeSaysSoInsteadOfLooping() {
		var never = new WorkCalendar(TestCalendars.CHANGJI, new OfficeHours(java.util.Set.of(),
				OfficeHours.standard().seasons()), java.util.Map.of());
		assertThatIllegalStateException().isThrownBy(() -> never.deadline(at("2025-07-07T10:00"), TimeLimit.workingHours(1)));
	}

	@Test
	void officeHoursMustCoverTheYearWithoutOverlaps() {
		var summerOnly = new OfficeHours(OfficeHours.standard().workdays(),
				List.of(OfficeHours.Season.parse("05-01", "09-30", "10:00-14:00")));
		assertThat(summerOnly.problems()).containsExactly("calendar.hours.seasonGap");
		assertThat(TestCalendars.xinjiang().hours().problems()).isEmpty();
	}


	@Test
	void officeTimeOverWeeksAndMonthsIsTheSumOfItsDays() {
		// Long spans add whole days from month tables; they must agree with counting day by day, across holidays,
		// make-up days and the change of seasonal hours.
		var random = new java.util.Random(42);
		var start = at("2024-12-20T00:00");
		for (var i = 0; i < 400; i++) {
			var from = start.plusSeconds(random.nextInt(400 * 24 * 3600));
			var to = from.plusSeconds(random.nextInt(120 * 24 * 3600));
			var dayByDay = Duration.ZERO;
			for (var cut = from; cut.isBefore(to); ) {
				var next = cut.plus(Duration.ofHours(20)).isBefore(to) ? cut.plus(Duration.ofHours(20)) : to;
				dayByDay = dayByDay.plus(xinjiang.elapsed(cut, next, LimitUnit.WORKING_HOURS));
				cut = next;
			}
			assertThat(xinjiang.elapsed(from, to, LimitUnit.WORKING_DAYS)).as("%s .. %s", from, to).isEqualTo(dayByDay);
		}
	}

}
