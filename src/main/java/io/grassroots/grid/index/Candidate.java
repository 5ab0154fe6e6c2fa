package io.grassroots.grid.index;

import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.prep.PreparedPolygon;

/**
 * One indexed polygon with its rank, and the cheapest exact way to tell whether it covers a point. The tree has
 * already compared bounding boxes when it hands a candidate over, so only the ring test remains:
 * <ul>
 * <li>a simple polygon (no holes, at most {@link #PACKED_VERTICES} vertices) keeps its shell as one flat array in
 * this very object and runs JTS's ray-crossing counter over it: one or two cache lines per candidate;</li>
 * <li>a small polygon with holes, or a multipolygon, uses {@link PackedPolygonLocator};</li>
 * <li>a large polygon (a county, a long police patrol range) uses its {@code PreparedGeometry}'s indexed
 * locator.</li>
 * </ul>
 */
final class Candidate<T> {

	static final int PACKED_VERTICES = 64;

	final T value;

	final int rank;

	private final double[] shell;

	private final PointOnGeometryLocator locator;

	Candidate(T value, Geometry geometry, int rank) {
		this.value = value;
		this.rank = rank;
		var small = geometry.getNumPoints() <= PACKED_VERTICES;
		if (small && geometry instanceof Polygon polygon && polygon.getNumInteriorRing() == 0) {
			var coordinates = polygon.getExteriorRing().getCoordinates();
			this.shell = new double[coordinates.length * 2];
			for (int i = 0; i < coordinates.length; i++) {
				shell[2 * i] = coordinates[i].x;
				shell[2 * i + 1] = coordinates[i].y;
			}
			this.locator = null;
		}
		else {
			this.shell = null;
			this.locator = small ? new PackedPolygonLocator(geometry) : prepared(geometry);
		}
	}

	private static PointOnGeometryLocator prepared(Geometry geometry) {
		return PreparedGeometryFactory.prepare(geometry) instanceof PreparedPolygon polygon ? polygon.getPointLocator()
				: new IndexedPointInAreaLocator(geometry);
	}

	/** Whether the point lies inside or on the boundary. */
	boolean covers(Coordinate point) {
		if (shell == null) {
			return locator.locate(point) != Location.EXTERIOR;
		}
		var counter = new RayCrossingCounter(point);
		var from = new Coordinate();
		var to = new Coordinate();
		for (int i = 2; i < shell.length; i += 2) {
			to.x = shell[i - 2];
			to.y = shell[i - 1];
			from.x = shell[i];
			from.y = shell[i + 1];
			counter.countSegment(from, to);
			if (counter.isOnSegment()) {
				return true;
			}
		}
		return counter.getLocation() != Location.EXTERIOR;
	}

}
