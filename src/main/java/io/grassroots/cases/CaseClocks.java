package io.grassroots.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.calendar.WorkCalendar;
import io.grassroots.calendar.WorkCalendars;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * Starts, stops, resumes and extends the clock of a case's step with the time-limit table and the work calendar of
 * the case's place. The yellow instant is where the yellow share of the limit is used, on the limit's own clock.
 */
@Component
class CaseClocks {

	private final TimeLimits limits;

	private final WorkCalendars calendars;

	private final double yellowAt;

	CaseClocks(TimeLimits limits, WorkCalendars calendars, CasesProperties properties) {
		this.limits = limits;
		this.calendars = calendars;
		this.yellowAt = properties.yellowAt();
	}

	StepClock start(Case subject, Step step, Instant now) {
		return start(subject.matter(), subject.place(), step, now);
	}

	StepClock start(Matter matter, Place place, Step step, Instant now) {
		var limit = limits.limitFor(matter.category(), matter.urgency(), conditions(matter, place), step);
		var calendar = calendars.of(place.region());
		var due = calendar.deadline(now, limit);
		var span = calendar.elapsed(now, due, limit.unit());
		// the step starts now: the time left is the whole span, not worked out again
		return running(calendar, step, now, now, due, span, span, limit);
	}

	/** Stops the clock (parking): keeps the time that was left. */
	StepClock stop(Case subject, Instant now) {
		var clock = subject.clock();
		var left = calendar(subject).elapsed(now, clock.dueAt(), clock.stepUnit());
		return new StepClock(clock.step(), clock.stepStartedAt(), null, null, clock.stepSpanSeconds(),
				clock.stepUnit(), now, left.toSeconds());
	}

	/** Runs the clock on from now with the time that was left when it stopped. */
	StepClock resume(Case subject, Instant now) {
		var clock = subject.clock();
		var calendar = calendar(subject);
		var due = calendar.advance(now, Duration.ofSeconds(clock.parkedRemainingSeconds()), clock.stepUnit());
		var limit = new TimeLimit(0, clock.stepUnit());
		return running(calendar, clock.step(), clock.stepStartedAt(), now, due,
				Duration.ofSeconds(clock.stepSpanSeconds()), limit);
	}

	/** Moves the deadline by an approved extension; the limit grows by the same amount. */
	StepClock extend(Case subject, TimeLimit extension, Instant now) {
		var clock = subject.clock();
		var calendar = calendar(subject);
		var due = calendar.deadline(clock.dueAt(), extension);
		var added = calendar.elapsed(clock.dueAt(), due, clock.stepUnit());
		return running(calendar, clock.step(), clock.stepStartedAt(), now, due,
				Duration.ofSeconds(clock.stepSpanSeconds()).plus(added), new TimeLimit(0, clock.stepUnit()));
	}

	/** Time left on the step's clock (negative when overdue), for the work places. */
	Duration left(Matter matter, Place place, StepClock clock, Instant now) {
		if (clock == null || clock.dueAt() == null) {
			return clock != null && clock.parked() ? Duration.ofSeconds(clock.parkedRemainingSeconds()) : Duration.ZERO;
		}
		var calendar = calendars.of(place.region());
		return now.isBefore(clock.dueAt()) ? calendar.elapsed(now, clock.dueAt(), clock.stepUnit())
				: calendar.elapsed(clock.dueAt(), now, clock.stepUnit()).negated();
	}

	/**
	 * The conditions of a case's limits: one of four sets made once, not a set per clock started (lifecycle24).
	 */
	static Set<LimitCondition> conditions(Matter matter, Place place) {
		return CONDITIONS.get((matter.complex() ? 1 : 0) + (place.rural() ? 2 : 0));
	}

	/** The sets of conditions, by complex (1) and rural (2). */
	private static final List<Set<LimitCondition>> CONDITIONS = List.of(Collections.unmodifiableSet(EnumSet.noneOf(
			LimitCondition.class)), Collections.unmodifiableSet(EnumSet.of(LimitCondition.COMPLEX)),
			Collections.unmodifiableSet(EnumSet.of(LimitCondition.RURAL)),
			Collections.unmodifiableSet(EnumSet.of(LimitCondition.COMPLEX, LimitCondition.RURAL)));

	private StepClock running(WorkCalendar calendar, Step step, Instant startedAt, Instant now, Instant due,
			Duration span, TimeLimit limit) {
		return running(calendar, step, startedAt, now, due, span, calendar.elapsed(now, due, limit.unit()), limit);
	}

	/** {@link #running(WorkCalendar, Step, Instant, Instant, Instant, Duration, TimeLimit)} with the time left known. */
	private StepClock running(WorkCalendar calendar, Step step, Instant startedAt, Instant now, Instant due,
			Duration span, Duration left, TimeLimit limit) {
		var greenLeft = left.minus(Duration.ofMillis((long) (span.toMillis() * (1 - yellowAt))));
		var warn = greenLeft.isNegative() ? now : calendar.advance(now, greenLeft, limit.unit());
		return new StepClock(step, startedAt, warn, due, span.toSeconds(), limit.unit(), null, null);
	}

	private WorkCalendar calendar(Case subject) {
		return calendar(subject.place().region());
	}

	/** The work calendar of a place, for the work places' time left. */
	WorkCalendar calendar(RegionCode region) {
		return calendars.of(region);
	}

}
