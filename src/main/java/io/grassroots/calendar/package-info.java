/**
 * The work calendar (工作日历): office hours per region (possibly seasonal), the national holidays and make-up working
 * days of each year, and regional holidays; and the working-time arithmetic that deadlines are computed with.
 * Other modules call {@link io.grassroots.calendar.WorkCalendars}.
 */
package io.grassroots.calendar;
