package io.grassroots.grid;

import io.grassroots.shared.RegionCode;
import org.locationtech.jts.geom.Geometry;

/** A grid as the in-memory network holds it. */
record IndexedGrid(GridId id, String code, String name, GridKind kind, RegionCode community, Geometry shape,
		double area) {
}
