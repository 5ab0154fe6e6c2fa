package io.grassroots.cases;

/**
 * The datum of a point as the client sends it. Points are stored in WGS-84 (≈ CGCS2000); GCJ-02, the offset datum
 * of common Chinese web maps, is converted when the client says that is what it sends.
 */
public enum CoordinateSystem {

	WGS84, GCJ02;

	private static final double A = 6378245.0;

	private static final double EE = 0.00669342162296594323;

	/** The WGS-84 point {@code [longitude, latitude]} of a point in this datum. */
	double[] toWgs84(double longitude, double latitude) {
		if (this == WGS84) {
			return new double[] { longitude, latitude };
		}
		// GCJ-02 adds an offset that depends on the point; subtracting the offset of the GCJ-02 point itself and
		// repeating converges to well under a metre.
		var lng = longitude;
		var lat = latitude;
		for (var i = 0; i < 3; i++) {
			var shifted = offset(lng, lat);
			lng = longitude - shifted[0];
			lat = latitude - shifted[1];
		}
		return new double[] { lng, lat };
	}

	private static double[] offset(double lng, double lat) {
		var dLat = transformLat(lng - 105.0, lat - 35.0);
		var dLng = transformLng(lng - 105.0, lat - 35.0);
		var radLat = lat / 180.0 * Math.PI;
		var magic = 1 - EE * Math.sin(radLat) * Math.sin(radLat);
		var sqrtMagic = Math.sqrt(magic);
		dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
		dLng = (dLng * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
		return new double[] { dLng, dLat };
	}

	private static double transformLat(double x, double y) {
		var ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
		return ret;
	}

	private static double transformLng(double x, double y) {
		var ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
		ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
		ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
		ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
		return ret;
	}

}
