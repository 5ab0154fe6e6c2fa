package io.grassroots.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.grassroots.shared.BeijingTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of working-time arithmetic on the Xinjiang calendar (seasonal hours, national holidays, make-up days,
 * regional holidays), with starts drawn both at random and on the boundaries of office hours.
 */
class WorkingTimeTests {

	static final WorkCalendar calendar = TestCalendars.xinjiang();

	@Property(tries = 400)
	void limitsAddUp(@ForAll("starts") Instant start, @ForAll("limits") TimeLimit first, @ForAll("limits") TimeLimit second) {
		var a = first;
		var b = new TimeLimit(second.amount(), first.unit());
		assertThat(calendar.deadline(calendar.deadline(start, a), b)).isEqualTo(calendar.deadline(start, a.plus(b.amount())));
	}

	@Property(tries = 400)
	void theElapsedTimeUpToADeadlineIsTheLimit(@ForAll("starts") Instant start, @ForAll("limits") TimeLimit limit) {
		var deadline = calendar.deadline(start, limit);
		if (limit.unit() == LimitUnit.WORKING_DAYS) {
			assertThat(calendar.workingDaysElapsed(start, deadline)).isEqualTo(limit.amount());
		}
		else {
			assertThat(calendar.elapsed(start, deadline, limit.unit())).isEqualTo(limit.length());
		}
	}

	@Property(tries = 400)
	void workingDeadlinesNeverFallOutsideOfficeTime(@ForAll("starts") Instant start, @ForAll("limits") TimeLimit limit) {
		if (!limit.unit().working() || limit.amount() == 0) {
			return;
		}
		var deadline = calendar.deadline(start, limit);
		var date = deadline.atZone(BeijingTime.ZONE).toLocalDate();
		assertThat(calendar.isWorkingDay(date)).isTrue();
		assertThat(calendar.officeTime(date))
			.anySatisfy(p -> assertThat(deadline).isAfter(p.from()).isBeforeOrEqualTo(p.to()));
	}

	@Property(tries = 400)
	void laterStartsAndLongerLimitsNeverEndEarlier(@ForAll("starts") Instant start, @ForAll("limits") TimeLimit limit,
			@ForAll("shifts") Duration later) {
		assertThat(calendar.deadline(start.plus(later), limit)).isAfterOrEqualTo(calendar.deadline(start, limit));
		assertThat(calendar.deadline(start, limit.plus(1))).isAfterOrEqualTo(calendar.deadline(start, limit));
	}

	@Property(tries = 300)
	void parkingKeepsTheTimeLeftOnTheClock(@ForAll("starts") Instant start, @ForAll("limits") TimeLimit limit,
			@ForAll("shifts") Duration parkAfter, @ForAll("shifts") Duration parkedFor) {
		var parked = List.of(new Interval(start.plus(parkAfter), start.plus(parkAfter).plus(parkedFor)));
		var plain = calendar.deadline(start, limit);
		var stopped = calendar.deadline(start, limit, parked);
		assertThat(stopped).isAfterOrEqualTo(plain);
		assertThat(calendar.elapsed(start, stopped, limit.unit(), parked))
			.isEqualTo(calendar.elapsed(start, plain, limit.unit()));
	}

	@Property(tries = 300)
	void parkingOutsideOfficeTimeDoesNotMoveAWorkingDeadline(@ForAll("starts") Instant start,
			@ForAll("limits") TimeLimit limit) {
		if (!limit.unit().working()) {
			return;
		}
		var night = start.atZone(BeijingTime.ZONE).toLocalDate().plusDays(1).atTime(LocalTime.of(1, 0))
			.atZone(BeijingTime.ZONE).toInstant();
		var parked = List.of(new Interval(night, night.plus(Duration.ofHours(5))));
		assertThat(calendar.deadline(start, limit, parked)).isEqualTo(calendar.deadline(start, limit));
	}

	@Property(tries = 300)
	void parkingTwiceIsParkingForBothIntervals(@ForAll("starts") Instant start, @ForAll("limits") TimeLimit limit,
			@ForAll("shifts") Duration gap) {
		var first = new Interval(start.plus(gap), start.plus(gap).plus(Duration.ofHours(30)));
		var second = new Interval(first.to().plus(gap), first.to().plus(gap).plus(Duration.ofHours(50)));
		var both = calendar.deadline(start, limit, List.of(second, first));
		assertThat(calendar.elapsed(start, both, limit.unit(), List.of(first, second)))
			.isEqualTo(calendar.elapsed(start, calendar.deadline(start, limit), limit.unit()));
	}

	@Provide
	Arbitrary<Instant> starts() {
		var dates = Arbitraries.integers().between(0, 3 * 366).map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
		var anyTime = Arbitraries.integers().between(0, 24 * 60 - 1).map(m -> LocalTime.MIN.plusMinutes(m));
		var boundary = Arbitraries.of(LocalTime.of(10, 0), LocalTime.of(14, 0), LocalTime.of(15, 30), LocalTime.of(16, 0),
				LocalTime.of(19, 30), LocalTime.of(20, 0), LocalTime.of(13, 59), LocalTime.of(0, 0));
		var times = Arbitraries.oneOf(anyTime, boundary);
		return Combinators.combine(dates, times).as((d, t) -> d.atTime(t).atZone(BeijingTime.ZONE).toInstant());
	}

	@Provide
	Arbitrary<TimeLimit> limits() {
		return Arbitraries.oneOf(Arbitraries.integers().between(0, 20_000).map(TimeLimit::minutes),
				Arbitraries.integers().between(0, 120).map(TimeLimit::workingHours),
				Arbitraries.integers().between(0, 30).map(TimeLimit::workingDays));
	}

	@Provide
	Arbitrary<Duration> shifts() {
		return Arbitraries.integers().between(0, 14 * 24 * 60).map(Duration::ofMinutes);
	}

}
