package io.grassroots.calendar.web;

import io.grassroots.calendar.LimitUnit;

/** The answer of the deadline calculator: when a limit started then runs out, in Beijing time. */
public record DeadlineView(String region, String start, int amount, LimitUnit unit, String deadline,
		String workingTime) {
}
