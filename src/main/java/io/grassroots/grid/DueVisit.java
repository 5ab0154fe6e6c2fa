package io.grassroots.grid;

import java.time.LocalDate;
import java.util.Set;

/**
 * When a household is next due for a visit, from its grid's management type and its tags.
 *
 * @param lastVisit the date of the last visit, or {@code null} when never visited
 * @param intervalDays the standard's interval for this household
 * @param dueOn the last visit (or the registration) plus the interval
 * @param overdue whether {@code dueOn} has passed
 */
public record DueVisit(HouseholdId household, GridId grid, String gridName, String address, String headName,
		Set<HouseholdTag> tags, LocalDate lastVisit, int intervalDays, LocalDate dueOn, boolean overdue) {

	public DueVisit {
		tags = Set.copyOf(tags);
	}

}
