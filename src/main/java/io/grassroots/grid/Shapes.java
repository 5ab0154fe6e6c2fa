package io.grassroots.grid;

import io.grassroots.grid.index.Geodesy;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.WKTWriter;

/**
 * How shapes are kept: WKT in longitude/latitude (WGS-84, SRID 4326) in a text column. WKT is portable to every
 * database, readable in a SQL console, and written with full double precision, so a shape reads back exactly.
 */
final class Shapes {

	static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private Shapes() {
	}

	static String wkt(Geometry geometry) {
		return new WKTWriter().write(geometry);
	}

	static Geometry parse(String wkt) {
		try {
			return new WKTReader(FACTORY).read(wkt);
		}
		catch (ParseException e) {
			throw new IllegalStateException("A stored shape is not WKT: " + e.getMessage(), e);
		}
	}

	static double area(Geometry geometry) {
		return Geodesy.areaSquareMetres(geometry);
	}

}
