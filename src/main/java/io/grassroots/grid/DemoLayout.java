package io.grassroots.grid;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The synthetic geometry of the demo network: the six streets of 昌吉市 as blocks around 87.30°E 44.01°N (the
 * real city centre), each street's communities as a regular tessellation of its block, each community split into
 * four quadrants. Made up, plausible in size (a community of roughly 0.3–0.5 km²), not a survey.
 */
final class DemoLayout {

	static final double WEST = 87.270;

	static final double SOUTH = 43.990;

	static final double STREET_WIDTH = 0.024;

	static final double STREET_HEIGHT = 0.018;

	private DemoLayout() {
	}

	/** The block of the street with this index (0–5), three across and two down. */
	static double[] streetBlock(int street) {
		var west = WEST + (street % 3) * STREET_WIDTH;
		var south = SOUTH + (street / 3) * STREET_HEIGHT;
		return new double[] { west, south, west + STREET_WIDTH, south + STREET_HEIGHT };
	}

	/** The outlines of {@code count} communities tiling a street's block. */
	static List<Polygon> communities(double[] block, int count) {
		var columns = (int) Math.ceil(Math.sqrt(count));
		var rows = (int) Math.ceil(count / (double) columns);
		var width = (block[2] - block[0]) / columns;
		var height = (block[3] - block[1]) / rows;
		var outlines = new ArrayList<Polygon>();
		for (int i = 0; i < count; i++) {
			var west = block[0] + (i % columns) * width;
			var south = block[1] + (i / columns) * height;
			outlines.add(rectangle(west, south, west + width, south + height));
		}
		return outlines;
	}

	/** The four quadrants of an outline: south-west, south-east, north-west, north-east. */
	static List<Polygon> quadrants(Polygon outline) {
		var box = outline.getEnvelopeInternal();
		var midX = round((box.getMinX() + box.getMaxX()) / 2);
		var midY = round((box.getMinY() + box.getMaxY()) / 2);
		return List.of(rectangle(box.getMinX(), box.getMinY(), midX, midY),
				rectangle(midX, box.getMinY(), box.getMaxX(), midY), rectangle(box.getMinX(), midY, midX, box.getMaxY()),
				rectangle(midX, midY, box.getMaxX(), box.getMaxY()));
	}

	/** A small square in the middle of a polygon's box: an institution's compound. */
	static Polygon compound(Polygon around) {
		var box = around.getEnvelopeInternal();
		var cx = box.centre().x;
		var cy = box.centre().y;
		var half = Math.min(box.getWidth(), box.getHeight()) / 5;
		return rectangle(cx - half, cy - half, cx + half, cy + half);
	}

	static Polygon rectangle(double west, double south, double east, double north) {
		double w = round(west);
		double s = round(south);
		double e = round(east);
		double n = round(north);
		return Shapes.FACTORY.createPolygon(new Coordinate[] { new Coordinate(w, s), new Coordinate(e, s),
				new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s) });
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e7) / 1e7;
	}

}
