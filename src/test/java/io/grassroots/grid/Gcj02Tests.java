package io.grassroots.grid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Gcj02Tests {

	/** Published pairs (WGS-84 lat, lng → GCJ-02 lat, lng) of the widely used reference implementation's tests. */
	static final double[][] PAIRS = { { 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215 },
			{ 22.543847, 113.912316, 22.540796131694766, 113.9171764808363 },
			{ 39.911954, 116.377817, 39.91334545536069, 116.38404722455657 } };

	@Test
	void wgs84GoesToTheKnownGcj02Coordinates() {
		for (var pair : PAIRS) {
			var gcj = Gcj02.fromWgs84(pair[1], pair[0]);
			assertThat(gcj[0]).isCloseTo(pair[3], within(1e-9));
			assertThat(gcj[1]).isCloseTo(pair[2], within(1e-9));
		}
	}

	@Test
	void gcj02ComesBackToWgs84WithinAMillimetre() {
		for (var pair : PAIRS) {
			var wgs = CoordinateSystem.GCJ02.toWgs84(pair[3], pair[2]);
			assertThat(wgs[0]).isCloseTo(pair[1], within(1e-8));
			assertThat(wgs[1]).isCloseTo(pair[0], within(1e-8));
		}
	}

	@Test
	void theOffsetInChangjiIsAFewHundredMetres() {
		var gcj = Gcj02.fromWgs84(87.30, 44.01);
		var metres = Math.hypot((gcj[0] - 87.30) * 111_320 * Math.cos(Math.toRadians(44.01)), (gcj[1] - 44.01) * 110_574);
		assertThat(metres).isBetween(100.0, 800.0);
	}

	@Test
	void wgs84AndCgcs2000AreTakenAsTheyAre() {
		assertThat(CoordinateSystem.WGS84.toWgs84(87.3, 44.0)).containsExactly(87.3, 44.0);
		assertThat(CoordinateSystem.CGCS2000.toWgs84(87.3, 44.0)).containsExactly(87.3, 44.0);
	}

}
