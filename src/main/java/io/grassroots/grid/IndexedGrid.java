package io.grassroots.grid;

import io.grassroots.shared.RegionCode;
import org.locationtech.jts.geom.Geometry;

/**
 * A grid as the in-memory network holds it, with the street and county above its community worked out once when
 * the network is indexed: every placement names them, and deriving them per placement parsed two region codes
 * (bench/RESULTS.md § intake, intake25).
 */
record IndexedGrid(GridId id, String code, String name, GridKind kind, RegionCode community, Geometry shape,
		double area, RegionCode street, RegionCode county) {

	IndexedGrid(GridId id, String code, String name, GridKind kind, RegionCode community, Geometry shape, double area) {
		this(id, code, name, kind, community, shape, area, community.parentByDigits(),
				community.parentByDigits().parentByDigits());
	}

}
