package io.grassroots.cases;

import java.util.UUID;

import io.grassroots.shared.RegionCode;

/**
 * Where a case is: the smallest region it was placed in (a community, or a street when unplaced), its grid when
 * known, the point (WGS-84) and the address as given.
 */
public record Place(RegionCode region, UUID grid, Placement placement, Double longitude, Double latitude,
		String address) {

	public boolean hasPoint() {
		return longitude != null && latitude != null;
	}

	/** Villages (村委会, codes 200–399 of the last three digits) count as rural for the time limits. */
	public boolean rural() {
		var code = region.value();
		var last = Integer.parseInt(code, 9, code.length(), 10); // no substring: asked on every clock started
		return region.depth() == 5 && last >= 200 && last < 400;
	}

}
