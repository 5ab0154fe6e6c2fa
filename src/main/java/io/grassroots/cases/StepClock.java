package io.grassroots.cases;

import java.time.Instant;

import io.grassroots.calendar.LimitUnit;

/**
 * The clock of a case's current step, stored on the case row. While it runs, {@code warnAt} and {@code dueAt} say
 * when the light turns yellow and red (both indexed, so the deadline sweep reads only the cases that change light).
 * While parked both are empty and the time left is kept instead. Time is on the limit's own clock: calendar time for
 * minutes, office time for working hours and days.
 *
 * @param step the step that is timed
 * @param stepStartedAt when the step began
 * @param warnAt when the light turns yellow
 * @param dueAt when the light turns red
 * @param stepSpanSeconds the length of the whole limit on its clock, extensions included
 * @param stepUnit the limit's unit, which says which clock runs
 * @param parkedAt when the clock was stopped, while parked
 * @param parkedRemainingSeconds the time that was left on the clock when it stopped
 */
public record StepClock(Step step, Instant stepStartedAt, Instant warnAt, Instant dueAt, Long stepSpanSeconds,
		LimitUnit stepUnit, Instant parkedAt, Long parkedRemainingSeconds) {

	public boolean parked() {
		return parkedAt != null;
	}

	/** The light at an instant: paused while parked, otherwise by the yellow and red instants. */
	public TrafficLight light(Instant now) {
		if (parked()) {
			return TrafficLight.PAUSED;
		}
		if (dueAt == null) {
			return TrafficLight.NONE;
		}
		if (now.isBefore(warnAt)) {
			return TrafficLight.GREEN;
		}
		return now.isBefore(dueAt) ? TrafficLight.YELLOW : TrafficLight.RED;
	}

	public StepDeadline deadline() {
		return new StepDeadline(step, warnAt, dueAt);
	}

}
