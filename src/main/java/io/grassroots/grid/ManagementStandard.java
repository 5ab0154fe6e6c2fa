package io.grassroots.grid;

import java.util.Map;
import java.util.Set;

/**
 * The standards of one management type: how often the grid is patrolled, how many team members it needs, and how
 * often each kind of household is visited.
 *
 * @param intervalDays the longest time between two visits, per tag ({@link HouseholdTag#ORDINARY} for every
 * household)
 */
public record ManagementStandard(ManagementType type, int patrolsPerMonth, int staffRequired,
		Map<HouseholdTag, Integer> intervalDays, long version) {

	public ManagementStandard {
		intervalDays = Map.copyOf(intervalDays);
	}

	/** The visit interval of a household with these tags: the shortest of its tags and of ORDINARY. */
	public int intervalFor(Set<HouseholdTag> tags) {
		var interval = intervalDays.getOrDefault(HouseholdTag.ORDINARY, 182);
		for (var tag : tags) {
			interval = Math.min(interval, intervalDays.getOrDefault(tag, interval));
		}
		return interval;
	}

}
