package io.grassroots.grid;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded household visit.
 *
 * @param reported whether its findings were handed on as a case
 * @param hasPhoto whether a photo was attached
 */
public record VisitView(UUID id, HouseholdId household, GridId grid, String visitorName, Instant visitedAt,
		String place, String findings, boolean reported, boolean hasPhoto) {
}
