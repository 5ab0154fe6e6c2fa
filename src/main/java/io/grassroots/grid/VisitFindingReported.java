package io.grassroots.grid;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/**
 * A grid worker found something on a household visit that needs handling (a case for the case module): published
 * when the visit is recorded with "report as a case".
 *
 * @param visit the visit record
 * @param household the household visited
 * @param grid the household's grid
 * @param community the grid's community
 * @param findings what was found, in the visitor's words
 * @param place where, as the visitor wrote it (or the household's address)
 * @param reporterId the account id of the visitor
 * @param reporterName the visitor's name
 * @param at when the visit happened
 */
public record VisitFindingReported(UUID visit, UUID household, GridId grid, RegionCode community, String findings,
		String place, String reporterId, String reporterName, Instant at) {
}
