package io.grassroots.grid.index;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

class GeodesyTests {

	@Test
	void areaOfALatitudeLongitudeCellMatchesTheSphericalFormula() {
		var cell = PlacementIndexTests.wkt("POLYGON ((87.30 44.00, 87.31 44.00, 87.31 44.01, 87.30 44.01, 87.30 44.00))");
		var r = Geodesy.AUTHALIC_RADIUS;
		var exact = r * r * Math.toRadians(0.01) * (Math.sin(Math.toRadians(44.01)) - Math.sin(Math.toRadians(44.00)));
		assertThat(Geodesy.areaSquareMetres(cell)).isCloseTo(exact, withPercentage(0.01));
		assertThat(exact).isBetween(888_000.0, 892_000.0);
	}

	@Test
	void areaOfATriangleIsHalfItsCell() {
		var triangle = PlacementIndexTests.wkt("POLYGON ((87.30 44.00, 87.31 44.00, 87.31 44.01, 87.30 44.00))");
		var cell = PlacementIndexTests.wkt("POLYGON ((87.30 44.00, 87.31 44.00, 87.31 44.01, 87.30 44.01, 87.30 44.00))");
		assertThat(Geodesy.areaSquareMetres(triangle)).isCloseTo(Geodesy.areaSquareMetres(cell) / 2, withPercentage(0.1));
	}

	@Test
	void distanceToAGridIsMeasuredInMetres() {
		var cell = PlacementIndexTests.wkt("POLYGON ((87.30 44.00, 87.31 44.00, 87.31 44.01, 87.30 44.01, 87.30 44.00))");
		var oneHundredthDegreeNorth = Geodesy.distanceMetres(cell, 87.305, 44.02);
		assertThat(oneHundredthDegreeNorth).isCloseTo(1112.0, withPercentage(0.5));
		assertThat(Geodesy.distanceMetres(cell, 87.305, 44.005)).isZero();
	}

}
