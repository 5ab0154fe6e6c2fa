package io.grassroots.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.grassroots.grid.index.Geodesy;
import io.grassroots.grid.index.PlacementIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * A generated network the size of a large city's: 400 × 250 = 100,000 irregular quadrilateral grids tessellating
 * 1.0° × 0.6° around 昌吉 (each about 250 m × 270 m; neighbours share their jittered corners, so the network has no
 * gaps or overlaps), and a fixed set of random points over the same area.
 */
final class GeneratedNetwork {

	static final int COLUMNS = 400;

	static final int ROWS = 250;

	static final double WEST = 87.0;

	static final double SOUTH = 43.8;

	static final double WIDTH = 1.0;

	static final double HEIGHT = 0.6;

	private static final GeometryFactory FACTORY = new GeometryFactory();

	private GeneratedNetwork() {
	}

	static List<PlacementIndex.Entry<Integer>> grids(long seed) {
		var random = new Random(seed);
		var dx = WIDTH / COLUMNS;
		var dy = HEIGHT / ROWS;
		var corners = new Coordinate[COLUMNS + 1][ROWS + 1];
		for (int i = 0; i <= COLUMNS; i++) {
			for (int j = 0; j <= ROWS; j++) {
				var edgeX = i == 0 || i == COLUMNS;
				var edgeY = j == 0 || j == ROWS;
				corners[i][j] = new Coordinate(WEST + i * dx + (edgeX ? 0 : (random.nextDouble() - 0.5) * dx * 0.4),
						SOUTH + j * dy + (edgeY ? 0 : (random.nextDouble() - 0.5) * dy * 0.4));
			}
		}
		var entries = new ArrayList<PlacementIndex.Entry<Integer>>(COLUMNS * ROWS);
		for (int i = 0; i < COLUMNS; i++) {
			for (int j = 0; j < ROWS; j++) {
				Polygon cell = FACTORY.createPolygon(new Coordinate[] { corners[i][j], corners[i + 1][j],
						corners[i + 1][j + 1], corners[i][j + 1], corners[i][j] });
				var id = i * ROWS + j;
				entries.add(new PlacementIndex.Entry<>(id, cell, 2, Geodesy.areaSquareMetres(cell),
						String.format("%06d", id)));
			}
		}
		return entries;
	}

	static double[][] points(int count, long seed) {
		var random = new Random(seed);
		var points = new double[2][count];
		for (int k = 0; k < count; k++) {
			points[0][k] = WEST + random.nextDouble() * WIDTH;
			points[1][k] = SOUTH + random.nextDouble() * HEIGHT;
		}
		return points;
	}

}
