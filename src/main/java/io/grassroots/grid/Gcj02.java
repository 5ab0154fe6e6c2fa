package io.grassroots.grid;

/**
 * The public GCJ-02 ("Mars coordinates") offset of Chinese web maps: the well-known forward formula (Krasovsky
 * ellipsoid constants) and its inverse by fixed-point iteration, which converges to better than 1e-9° (≈0.1 mm)
 * in a few steps. Outside China GCJ-02 equals WGS-84.
 */
final class Gcj02 {

	private static final double A = 6378245.0;

	private static final double EE = 0.00669342162296594323;

	private Gcj02() {
	}

	/** WGS-84 to GCJ-02, as {@code [lng, lat]}. */
	static double[] fromWgs84(double lng, double lat) {
		if (outsideChina(lng, lat)) {
			return new double[] { lng, lat };
		}
		var d = delta(lng, lat);
		return new double[] { lng + d[0], lat + d[1] };
	}

	/** GCJ-02 to WGS-84, as {@code [lng, lat]}. */
	static double[] toWgs84(double lng, double lat) {
		if (outsideChina(lng, lat)) {
			return new double[] { lng, lat };
		}
		var d = delta(lng, lat);
		double wgsLng = lng - d[0];
		double wgsLat = lat - d[1];
		for (int i = 0; i < 30; i++) {
			var forward = fromWgs84(wgsLng, wgsLat);
			double errLng = forward[0] - lng;
			double errLat = forward[1] - lat;
			wgsLng -= errLng;
			wgsLat -= errLat;
			if (Math.abs(errLng) < 1e-10 && Math.abs(errLat) < 1e-10) {
				break;
			}
		}
		return new double[] { wgsLng, wgsLat };
	}

	static boolean outsideChina(double lng, double lat) {
		return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
	}

	private static double[] delta(double lng, double lat) {
		double x = lng - 105.0;
		double y = lat - 35.0;
		double dLat = transformLat(x, y);
		double dLng = transformLng(x, y);
		double radLat = Math.toRadians(lat);
		double magic = Math.sin(radLat);
		magic = 1 - EE * magic * magic;
		double sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
		dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { dLng, dLat };
	}

	private static double transformLat(double x, double y) {
		double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return ret;
	}

	private static double transformLng(double x, double y) {
		double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return ret;
	}

}
