package io.grassroots.grid;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ShapeCheckTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static ShapeCheck.Result read(String geometry) {
		return ShapeCheck.read(JSON.readTree(geometry), CoordinateSystem.WGS84);
	}

	static String firstKey(String geometry) {
		return read(geometry).issues().get(0).messageKey();
	}

	@Test
	void aClosedSimplePolygonInChinaIsAccepted() {
		var result = read("""
				{"type":"Polygon","coordinates":[[[87.30,44.00],[87.31,44.00],[87.31,44.01],[87.30,44.01],[87.30,44.00]]]}""");
		assertThat(result.ok()).isTrue();
		assertThat(Shapes.area(result.shape())).isBetween(888_000.0, 892_000.0);
	}

	@Test
	void aBowTieIsRefusedAsSelfIntersecting() {
		assertThat(firstKey("""
				{"type":"Polygon","coordinates":[[[87.30,44.00],[87.31,44.01],[87.31,44.00],[87.30,44.01],[87.30,44.00]]]}"""))
			.isEqualTo("grid.geometry.selfIntersection");
	}

	@Test
	void anUnclosedRingIsRefused() {
		assertThat(firstKey("""
				{"type":"Polygon","coordinates":[[[87.30,44.00],[87.31,44.00],[87.31,44.01],[87.30,44.01]]]}"""))
			.isEqualTo("grid.geometry.unclosedRing");
	}

	@Test
	void latitudeBeforeLongitudeIsRefusedAsSwapped() {
		var result = read("""
				{"type":"Polygon","coordinates":[[[44.00,87.30],[44.00,87.31],[44.01,87.31],[44.01,87.30],[44.00,87.30]]]}""");
		assertThat(result.issues().get(0).messageKey()).isEqualTo("grid.geometry.swappedAt");
		assertThat(result.issues().get(0).arguments()).containsExactly("shell", 1, 44.0, 87.3);
	}

	@Test
	void pointsOutsideChinaAreRefused() {
		assertThat(firstKey("""
				{"type":"Polygon","coordinates":[[[2.30,48.80],[2.31,48.80],[2.31,48.81],[2.30,48.81],[2.30,48.80]]]}"""))
			.isEqualTo("grid.geometry.outsideChinaAt");
	}

	@Test
	void aHoleOutsideItsShellIsRefused() {
		assertThat(firstKey("""
				{"type":"Polygon","coordinates":[[[87.30,44.00],[87.31,44.00],[87.31,44.01],[87.30,44.01],[87.30,44.00]],
				 [[87.40,44.00],[87.41,44.00],[87.41,44.01],[87.40,44.00]]]}""")).isEqualTo("grid.geometry.holeOutside");
	}

	@Test
	void pointsAndLinesAreNotGrids() {
		assertThat(firstKey("{\"type\":\"Point\",\"coordinates\":[87.3,44.0]}")).isEqualTo("grid.geometry.notPolygon");
		assertThat(firstKey("{\"type\":\"Polygon\",\"coordinates\":[[[87.3,44.0],[87.31,44.0],[87.3,44.0]]]}"))
			.isEqualTo("grid.geometry.tooFewPoints");
		assertThat(firstKey("{\"type\":\"Polygon\",\"coordinates\":[[[87.3,\"x\"],[87.31,44.0],[87.31,44.01],[87.3,44.0]]]}"))
			.isEqualTo("grid.geometry.badPosition");
	}

	@Test
	void gcj02ShapesAreStoredInWgs84() {
		var result = ShapeCheck.read(JSON.readTree("""
				{"type":"Polygon","coordinates":[[[87.30,44.00],[87.31,44.00],[87.31,44.01],[87.30,44.01],[87.30,44.00]]]}"""),
				CoordinateSystem.GCJ02);
		var first = result.shape().getCoordinates()[0];
		var expected = Gcj02.toWgs84(87.30, 44.00);
		assertThat(first.x).isEqualTo(expected[0]);
		assertThat(first.y).isEqualTo(expected[1]);
	}

}
