package io.grassroots.calendar;

/**
 * How a time limit is counted: calendar minutes, or working time (office hours of working days only).
 */
public enum LimitUnit {

	/** Calendar time, day and night, holidays included: for emergencies. */
	MINUTES,
	/** Office time of working days; one hour is sixty working minutes. */
	WORKING_HOURS,
	/**
	 * Whole working days, counted as the law counts them: the day of the start does not count, the limit ends
	 * when the office closes on the last counted working day.
	 */
	WORKING_DAYS;

	/** Whether the clock of this unit runs only in office time. */
	public boolean working() {
		return this != MINUTES;
	}

}
