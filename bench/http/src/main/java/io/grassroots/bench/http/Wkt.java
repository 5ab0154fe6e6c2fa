package io.grassroots.bench.http;

import java.util.ArrayList;

/** Just enough WKT for picking points inside a grid: the outer ring of the first polygon, and point-in-ring. */
final class Wkt {

	private Wkt() {
	}

	static double[][] firstRing(String wkt) {
		var open = wkt.lastIndexOf('(', wkt.indexOf(')'));
		var close = wkt.indexOf(')', open);
		var points = new ArrayList<double[]>();
		for (var pair : wkt.substring(open + 1, close).split(",")) {
			var xy = pair.trim().split("\\s+");
			points.add(new double[] { Double.parseDouble(xy[0]), Double.parseDouble(xy[1]) });
		}
		return points.toArray(new double[0][]);
	}

	/** Ray casting; points on the boundary are avoided by callers drawing random points. */
	static boolean inside(double[][] ring, double x, double y) {
		var in = false;
		for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			if ((ring[i][1] > y) != (ring[j][1] > y)
					&& x < (ring[j][0] - ring[i][0]) * (y - ring[i][1]) / (ring[j][1] - ring[i][1]) + ring[i][0]) {
				in = !in;
			}
		}
		return in;
	}

}
