package io.grassroots.cases;

import java.util.Optional;
import java.util.UUID;

import io.grassroots.identity.Actor;
import io.grassroots.shared.RegionCode;

/**
 * Finds the place of a new case: its grid, community and street. The port exists so that placement by the grid
 * network replaces placement by the named community without touching intake.
 */
interface CasePlacement {

	/**
	 * @param point the WGS-84 point, if the report has one
	 * @param namedCommunity the community the reporter named, if any
	 * @param reporter who reports (a grid worker's own grid or community places the case when nothing else does)
	 * @param fallback where an unplaced case waits
	 */
	Placed place(Optional<Point> point, Optional<RegionCode> namedCommunity, Actor reporter, RegionCode fallback);

	/** A point in WGS-84 degrees. */
	record Point(double longitude, double latitude) {
	}

	/** Where a case was placed, and how. */
	record Placed(RegionCode region, UUID grid, Placement how) {
	}

}
