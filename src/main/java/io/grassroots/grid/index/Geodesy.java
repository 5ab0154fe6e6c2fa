package io.grassroots.grid.index;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Areas and distances of longitude/latitude geometries in metres.
 * <p>
 * Areas: the geometry is projected with the sinusoidal projection on the authalic sphere (R = 6,371,007.2 m),
 * centred on the geometry's own central meridian. The sinusoidal projection is exactly equal-area on the sphere,
 * so the planar area of the projected polygon is its spherical area; against the WGS-84 ellipsoid the error is
 * below 0.5 % at Chinese latitudes, far less than the precision of hand-drawn grids.
 * <p>
 * Distances: a local equirectangular projection centred on the point (x scaled by the cosine of its latitude),
 * accurate to better than 0.1 % within the few kilometres that matter for "the nearest grid".
 */
public final class Geodesy {

	/** Radius of the sphere with the same surface as the WGS-84 ellipsoid. */
	public static final double AUTHALIC_RADIUS = 6_371_007.2;

	private Geodesy() {
	}

	/** The area in square metres of a polygonal geometry given in longitude/latitude degrees. */
	public static double areaSquareMetres(Geometry lngLat) {
		if (lngLat.isEmpty()) {
			return 0;
		}
		var centre = lngLat.getEnvelopeInternal().centre().x;
		var projected = lngLat.copy();
		projected.apply(new Project(centre, true, 0));
		projected.geometryChanged();
		return projected.getArea();
	}

	/** The shortest distance in metres from the point to the geometry (0 when the geometry covers it). */
	public static double distanceMetres(Geometry lngLat, double lng, double lat) {
		var projected = lngLat.copy();
		projected.apply(new Project(lng, false, lat));
		projected.geometryChanged();
		var origin = projected.getFactory().createPoint(new Coordinate(0, 0));
		return projected.distance(origin);
	}

	private static final class Project implements CoordinateSequenceFilter {

		private final double centralMeridian;

		private final boolean equalArea;

		private final double cosOrigin;

		private final double originLat;

		private Project(double centralMeridian, boolean equalArea, double originLat) {
			this.centralMeridian = centralMeridian;
			this.equalArea = equalArea;
			this.originLat = originLat;
			this.cosOrigin = Math.cos(Math.toRadians(originLat));
		}

		@Override
		public void filter(CoordinateSequence seq, int i) {
			var lambda = Math.toRadians(seq.getX(i) - centralMeridian);
			var phi = Math.toRadians(seq.getY(i));
			if (equalArea) {
				seq.setOrdinate(i, 0, AUTHALIC_RADIUS * lambda * Math.cos(phi));
				seq.setOrdinate(i, 1, AUTHALIC_RADIUS * phi);
			}
			else {
				seq.setOrdinate(i, 0, AUTHALIC_RADIUS * lambda * cosOrigin);
				seq.setOrdinate(i, 1, AUTHALIC_RADIUS * (phi - Math.toRadians(originLat)));
			}
		}

		@Override
		public boolean isDone() {
			return false;
		}

		@Override
		public boolean isGeometryChanged() {
			return true;
		}

	}

}
