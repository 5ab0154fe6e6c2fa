package io.grassroots.bench.lifecycle;

import java.util.SplittableRandom;

/**
 * Where the loop's n-th case is reported, the same for every loop (ours, raw, Flowable): {@code one} reports every
 * case at one point in 西街社区 (87.2720, 43.9920), the bench's choice until 2026-12-04; {@code community} (the
 * default) spreads them uniformly over 西街社区's outline (87.270–87.278 E, 43.990–43.999 N, 0.64 km²: its four
 * residential grids and the school compound), a point drawn from {@code n}, as a city's reports are spread rather
 * than piled on one spot. Only ours looks for likely duplicates (open cases of the category within 150 m), so only
 * ours reads fewer candidates when the points are spread; the baselines write the same point.
 */
enum ReportPoints {

	ONE, COMMUNITY;

	static final double LONGITUDE = 87.2720;

	static final double LATITUDE = 43.9920;

	private static final double WEST = 87.2700;

	private static final double EAST = 87.2780;

	private static final double SOUTH = 43.9900;

	private static final double NORTH = 43.9990;

	/** Longitude and latitude (WGS-84) of the n-th case. */
	double[] of(long n) {
		if (this == ONE) {
			return new double[] { LONGITUDE, LATITUDE };
		}
		var random = new SplittableRandom(n);
		// a metre or so inside the outline, so no point falls on a grid's edge
		var lng = WEST + 0.00002 + random.nextDouble() * (EAST - WEST - 0.00004);
		var lat = SOUTH + 0.00002 + random.nextDouble() * (NORTH - SOUTH - 0.00004);
		return new double[] { lng, lat };
	}

	static ReportPoints parse(String value) {
		return valueOf(value.toUpperCase());
	}

}
