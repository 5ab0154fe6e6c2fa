package io.grassroots.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.RegionCode;

/**
 * The working time of one region: its office hours and the days that break the normal week. All arithmetic is in
 * Beijing time. Limits in minutes run on the calendar clock; working hours and working days run on the office clock,
 * which stands still outside office hours, on days off and while a case is parked.
 */
public final class WorkCalendar {

	/** Beyond this many days without office time the calendar is considered broken rather than looped over. */
	static final int MAX_IDLE_DAYS = 3_700;

	/** The longest step of {@link #advance(Instant, long)}, in seconds: its nanoseconds fit a long. */
	private static final long LONGEST_STEP = Long.MAX_VALUE / 1_000_000_000L - 1;

	private final RegionCode region;

	private final OfficeHours hours;

	private final Map<LocalDate, CalendarDay> exceptions;

	private final Map<YearMonth, long[]> months = new ConcurrentHashMap<>();

	/** How many dates' office periods are kept ({@link #officeTime}); beyond that they are computed on every call. */
	static final int KEPT_DAYS = 4_096;

	/**
	 * The office periods of the dates asked for, computed once: every transition that starts a clock asks for the same
	 * few dates, and working them out (the date's season, its shifts as instants) was about a twentieth of what a
	 * transition allocated (bench/lifecycle). The calendar is immutable, so they never change.
	 */
	private final Map<LocalDate, List<Interval>> days = new ConcurrentHashMap<>();

	public WorkCalendar(RegionCode region, OfficeHours hours, Map<LocalDate, CalendarDay> exceptions) {
		this.region = region;
		this.hours = hours;
		this.exceptions = Map.copyOf(exceptions);
	}

	public RegionCode region() {
		return region;
	}

	public OfficeHours hours() {
		return hours;
	}

	public boolean isWorkingDay(LocalDate date) {
		var exception = exceptions.get(date);
		return exception != null ? !exception.off() : hours.workdays().contains(date.getDayOfWeek());
	}

	/** The office periods of a date, as instants; none on a day off. */
	public List<Interval> officeTime(LocalDate date) {
		var known = days.get(date);
		if (known != null) {
			return known;
		}
		var periods = computeOfficeTime(date);
		if (days.size() < KEPT_DAYS) {
			days.put(date, periods);
		}
		return periods;
	}

	private List<Interval> computeOfficeTime(LocalDate date) {
		if (!isWorkingDay(date)) {
			return List.of();
		}
		return hours.shiftsOn(date)
			.stream()
			.map(s -> new Interval(date.atTime(s.from()).atZone(BeijingTime.ZONE).toInstant(),
					date.atTime(s.to()).atZone(BeijingTime.ZONE).toInstant()))
			.toList();
	}

	/** Whether the office clock runs at this instant. */
	public boolean isOfficeTime(Instant instant) {
		return officeTime(BeijingTime.dateOf(instant)).stream().anyMatch(p -> p.contains(instant));
	}

	/** The end of a limit that starts at {@code start}. A limit of zero ends where it starts. */
	public Instant deadline(Instant start, TimeLimit limit) {
		if (limit.amount() == 0) {
			return start;
		}
		return switch (limit.unit()) {
			case MINUTES -> start.plus(limit.length());
			case WORKING_HOURS -> advance(start, limit.length(), LimitUnit.WORKING_HOURS);
			case WORKING_DAYS -> endOfWorkingDay(start, limit.amount());
		};
	}

	/**
	 * The end of a limit whose clock stops during the given intervals (a parked case): the limit keeps the length
	 * on its clock that it would have without them, and that length is spent only outside them.
	 */
	public Instant deadline(Instant start, TimeLimit limit, List<Interval> stopped) {
		var remaining = elapsed(start, deadline(start, limit), limit.unit());
		var cursor = start;
		for (var pause : merged(stopped)) {
			if (!pause.to().isAfter(cursor)) {
				continue;
			}
			if (pause.from().isAfter(cursor)) {
				var end = advance(cursor, remaining, limit.unit());
				if (!end.isAfter(pause.from())) {
					return end;
				}
				remaining = remaining.minus(elapsed(cursor, pause.from(), limit.unit()));
			}
			cursor = pause.to();
		}
		return advance(cursor, remaining, limit.unit());
	}

	/** Time on the unit's clock between two instants: calendar time for minutes, office time otherwise. */
	public Duration elapsed(Instant from, Instant to, LimitUnit unit) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		if (!unit.working()) {
			return Duration.between(from, to);
		}
		var first = BeijingTime.dateOf(from);
		var last = BeijingTime.dateOf(to);
		var nanos = officeNanosOn(first, from, to);
		if (!first.equals(last)) {
			// The days in between are whole: their office time comes from the month tables (the queues show this for
			// every row, and an overdue case's span runs over weeks).
			if (last.toEpochDay() - first.toEpochDay() >= 2) {
				nanos += officeNanos(first.plusDays(1), last);
			}
			nanos += officeNanosOn(last, from, to);
		}
		return Duration.ofNanos(nanos);
	}

	/**
	 * The office time of one date that lies between two instants, in nanoseconds: summed as a number, not as a
	 * {@link Duration} per period (a clock's start asks this half a dozen times, lifecycle24).
	 */
	private long officeNanosOn(LocalDate date, Instant from, Instant to) {
		var total = 0L;
		for (var period : officeTime(date)) {
			var start = period.from().isAfter(from) ? period.from() : from;
			var end = period.to().isBefore(to) ? period.to() : to;
			if (end.isAfter(start)) {
				total += nanosBetween(start, end);
			}
		}
		return total;
	}

	/** {@code Duration.between(start, end).toNanos()} without the duration. */
	private static long nanosBetween(Instant start, Instant end) {
		return Math.addExact(Math.multiplyExact(end.getEpochSecond() - start.getEpochSecond(), 1_000_000_000L),
				end.getNano() - start.getNano());
	}

	/** The office time of the whole days from {@code first} up to, not including, {@code end}, in nanoseconds. */
	private long officeNanos(LocalDate first, LocalDate end) {
		var total = 0L;
		for (var month = YearMonth.from(first); !month.atDay(1).isAfter(end); month = month.plusMonths(1)) {
			var days = month(month);
			var from = month.equals(YearMonth.from(first)) ? first.getDayOfMonth() - 1 : 0;
			var to = month.equals(YearMonth.from(end)) ? end.getDayOfMonth() - 1 : month.lengthOfMonth();
			total += days[to] - days[from];
		}
		return total;
	}

	/** A month's office time before each of its days, cumulative ({@code [d]}: days 1 … d), built once per month. */
	private long[] month(YearMonth month) {
		return months.computeIfAbsent(month, m -> {
			var sums = new long[m.lengthOfMonth() + 1];
			for (var day = 1; day <= m.lengthOfMonth(); day++) {
				var nanos = 0L;
				for (var period : officeTime(m.atDay(day))) {
					nanos += Duration.between(period.from(), period.to()).toNanos();
				}
				sums[day] = sums[day - 1] + nanos;
			}
			return sums;
		});
	}

	/** Time on the unit's clock between two instants, not counting the stopped intervals. */
	public Duration elapsed(Instant from, Instant to, LimitUnit unit, List<Interval> stopped) {
		var total = elapsed(from, to, unit);
		for (var pause : merged(stopped)) {
			var start = pause.from().isAfter(from) ? pause.from() : from;
			var end = pause.to().isBefore(to) ? pause.to() : to;
			total = total.minus(elapsed(start, end, unit));
		}
		return total;
	}

	/**
	 * The working days completed between two instants as {@link LimitUnit#WORKING_DAYS} counts them: working days
	 * after the day of {@code from} whose office has closed by {@code to}.
	 */
	public long workingDaysElapsed(Instant from, Instant to) {
		var count = 0L;
		var last = BeijingTime.dateOf(to);
		for (var date = BeijingTime.dateOf(from).plusDays(1); !date.isAfter(last); date = date.plusDays(1)) {
			var office = officeTime(date);
			if (!office.isEmpty() && !office.get(office.size() - 1).to().isAfter(to)) {
				count++;
			}
		}
		return count;
	}

	/** The instant where {@code amount} of time on the unit's clock has run since {@code from}. */
	public Instant advance(Instant from, Duration amount, LimitUnit unit) {
		if (amount.isNegative() || amount.isZero()) {
			return from;
		}
		if (!unit.working()) {
			return from.plus(amount);
		}
		// in nanoseconds, not a Duration per period (a clock's start advances twice, lifecycle24); an amount whose
		// nanoseconds overflow a long (centuries) in steps that fit: office time adds up, so they end where one would
		var cursor = from;
		var rest = amount;
		while (rest.getSeconds() >= LONGEST_STEP) {
			cursor = advance(cursor, LONGEST_STEP * 1_000_000_000L);
			rest = rest.minusSeconds(LONGEST_STEP);
		}
		return advance(cursor, rest.toNanos());
	}

	/** {@link #advance(Instant, Duration, LimitUnit)} on the office clock by a positive number of nanoseconds. */
	private Instant advance(Instant from, long nanos) {
		var remaining = nanos;
		var idle = 0;
		for (var date = BeijingTime.dateOf(from); idle < MAX_IDLE_DAYS; date = date.plusDays(1)) {
			var office = officeTime(date);
			idle = office.isEmpty() ? idle + 1 : 0;
			for (var period : office) {
				if (!period.to().isAfter(from)) {
					continue;
				}
				var start = period.from().isAfter(from) ? period.from() : from;
				var available = nanosBetween(start, period.to());
				if (remaining <= available) {
					return start.plusNanos(remaining);
				}
				remaining -= available;
			}
		}
		throw new IllegalStateException("The work calendar of " + region + " has no office time");
	}

	private Instant endOfWorkingDay(Instant start, int days) {
		var counted = 0;
		var idle = 0;
		for (var date = BeijingTime.dateOf(start).plusDays(1); idle < MAX_IDLE_DAYS; date = date.plusDays(1)) {
			var office = officeTime(date);
			idle = office.isEmpty() ? idle + 1 : 0;
			if (!office.isEmpty() && ++counted == days) {
				return office.get(office.size() - 1).to();
			}
		}
		throw new IllegalStateException("The work calendar of " + region + " has no office time");
	}

	private static List<Interval> merged(List<Interval> intervals) {
		var sorted = intervals.stream().sorted(Comparator.comparing(Interval::from)).toList();
		var merged = new ArrayList<Interval>();
		for (var interval : sorted) {
			var last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !interval.from().isAfter(last.to())) {
				merged.set(merged.size() - 1, new Interval(last.from(),
						interval.to().isAfter(last.to()) ? interval.to() : last.to()));
			}
			else {
				merged.add(interval);
			}
		}
		return merged;
	}

}
