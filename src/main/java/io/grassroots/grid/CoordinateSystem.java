package io.grassroots.grid;

/**
 * The datum of coordinates handed to the grid module. Everything is stored in WGS-84 (CGCS2000 differs from it by
 * centimetres and is treated as the same); GCJ-02 (the offset datum of AMap, Tencent and Google's China maps) is
 * converted on the way in.
 */
public enum CoordinateSystem {

	WGS84, CGCS2000, GCJ02;

	/** The point in WGS-84 as {@code [lng, lat]}. */
	public double[] toWgs84(double lng, double lat) {
		return this == GCJ02 ? Gcj02.toWgs84(lng, lat) : new double[] { lng, lat };
	}

}
