package io.grassroots.grid.index;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.PackedCoordinateSequence;

/**
 * Locates a point in a polygon or multipolygon with few vertices using JTS's ray-crossing test on rings packed into
 * one {@code double[]} each ({@link PackedCoordinateSequence}). With 100,000 grids a look-up is bound by memory, not
 * arithmetic: a packed ring is one array instead of a ring object, a sequence and an object per vertex, so the test
 * touches far fewer cache lines than walking the geometry.
 */
final class PackedPolygonLocator implements PointOnGeometryLocator {

	private final double minX;

	private final double minY;

	private final double maxX;

	private final double maxY;

	private final CoordinateSequence[][] parts;

	PackedPolygonLocator(Geometry polygonal) {
		var box = polygonal.getEnvelopeInternal();
		this.minX = box.getMinX();
		this.minY = box.getMinY();
		this.maxX = box.getMaxX();
		this.maxY = box.getMaxY();
		var packed = new ArrayList<CoordinateSequence[]>();
		for (int i = 0; i < polygonal.getNumGeometries(); i++) {
			var polygon = (Polygon) polygonal.getGeometryN(i);
			var rings = new ArrayList<CoordinateSequence>(List.of(pack(polygon.getExteriorRing().getCoordinates())));
			for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
				rings.add(pack(polygon.getInteriorRingN(h).getCoordinates()));
			}
			packed.add(rings.toArray(CoordinateSequence[]::new));
		}
		this.parts = packed.toArray(CoordinateSequence[][]::new);
	}

	private static CoordinateSequence pack(Coordinate[] coordinates) {
		return new PackedCoordinateSequence.Double(coordinates, 2);
	}

	@Override
	public int locate(Coordinate p) {
		if (p.x < minX || p.x > maxX || p.y < minY || p.y > maxY) {
			return Location.EXTERIOR;
		}
		for (var rings : parts) {
			var location = locateInPolygon(p, rings);
			if (location != Location.EXTERIOR) {
				return location;
			}
		}
		return Location.EXTERIOR;
	}

	private static int locateInPolygon(Coordinate p, CoordinateSequence[] rings) {
		var shell = RayCrossingCounter.locatePointInRing(p, rings[0]);
		if (shell != Location.INTERIOR) {
			return shell;
		}
		for (int h = 1; h < rings.length; h++) {
			var hole = RayCrossingCounter.locatePointInRing(p, rings[h]);
			if (hole == Location.BOUNDARY) {
				return Location.BOUNDARY;
			}
			if (hole == Location.INTERIOR) {
				return Location.EXTERIOR;
			}
		}
		return Location.INTERIOR;
	}

}
