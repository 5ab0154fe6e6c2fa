package io.grassroots.grid;

import io.grassroots.shared.InvalidInputException;

/**
 * The coarse box around China (73.4–135.1°E, 18.1–53.6°N, with a margin) that every coordinate must fall in, with
 * the tell-tale of swapped coordinates: a latitude/longitude pair that only fits the box the other way round.
 */
final class ChinaBounds {

	static final double MIN_LNG = 73.0;

	static final double MAX_LNG = 135.5;

	static final double MIN_LAT = 3.0;

	static final double MAX_LAT = 54.0;

	private ChinaBounds() {
	}

	static boolean inside(double lng, double lat) {
		return lng >= MIN_LNG && lng <= MAX_LNG && lat >= MIN_LAT && lat <= MAX_LAT;
	}

	/** The message key of what is wrong with the point, or {@code null} when it is fine. */
	static String problem(double lng, double lat) {
		if (!Double.isFinite(lng) || !Double.isFinite(lat)) {
			return "grid.geometry.notANumber";
		}
		if (inside(lng, lat)) {
			return null;
		}
		if (inside(lat, lng)) {
			return "grid.geometry.swapped";
		}
		return "grid.geometry.outsideChina";
	}

	static void check(String where, double lng, double lat) {
		var problem = problem(lng, lat);
		if (problem != null) {
			throw InvalidInputException.of(where, problem, lng, lat);
		}
	}

}
