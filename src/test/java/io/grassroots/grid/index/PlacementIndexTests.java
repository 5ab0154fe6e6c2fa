package io.grassroots.grid.index;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementIndexTests {

	static Geometry wkt(String text) {
		try {
			return new WKTReader().read(text);
		}
		catch (org.locationtech.jts.io.ParseException e) {
			throw new IllegalArgumentException(e);
		}
	}

	static PlacementIndex.Entry<String> entry(String name, int priority, String wkt) {
		var shape = wkt(wkt);
		return new PlacementIndex.Entry<>(name, shape, priority, Geodesy.areaSquareMetres(shape), name);
	}

	final PlacementIndex<String> index = PlacementIndex.build(List.of(
			entry("west", 2, "POLYGON ((87.30 44.00, 87.31 44.00, 87.31 44.01, 87.30 44.01, 87.30 44.00))"),
			entry("east", 2, "POLYGON ((87.31 44.00, 87.32 44.00, 87.32 44.01, 87.31 44.01, 87.31 44.00))"),
			entry("ring", 2, """
					POLYGON ((87.40 44.00, 87.44 44.00, 87.44 44.04, 87.40 44.04, 87.40 44.00),
					         (87.41 44.01, 87.43 44.01, 87.43 44.03, 87.41 44.03, 87.41 44.01))"""),
			entry("school", 1, "POLYGON ((87.302 44.002, 87.304 44.002, 87.304 44.004, 87.302 44.004, 87.302 44.002))"),
			entry("patrol", 3, "POLYGON ((87.29 43.99, 87.33 43.99, 87.33 44.02, 87.29 44.02, 87.29 43.99))"),
			entry("big", 2, "POLYGON ((87.50 44.00, 87.60 44.00, 87.60 44.10, 87.50 44.10, 87.50 44.00))"),
			entry("small", 2, "POLYGON ((87.55 44.05, 87.56 44.05, 87.56 44.06, 87.55 44.06, 87.55 44.05))")));

	@Test
	void aPointInsideAGridIsPlacedInIt() {
		assertThat(index.locate(87.305, 44.008)).isEqualTo("west");
		assertThat(index.locate(87.315, 44.005)).isEqualTo("east");
	}

	@Test
	void aPointOnTheOuterEdgeOfAGridStillBelongsToIt() {
		assertThat(index.locate(87.30, 44.005)).isEqualTo("west");
		assertThat(index.locate(87.32, 44.005)).isEqualTo("east");
	}

	@Test
	void aPointOnASharedBorderGoesToOneOfTheNeighboursAlwaysTheSame() {
		var first = index.locate(87.31, 44.005);
		assertThat(first).isIn("west", "east");
		assertThat(index.covering(87.31, 44.005)).containsExactlyInAnyOrder("west", "east", "patrol");
		for (int i = 0; i < 5; i++) {
			assertThat(index.locate(87.31, 44.005)).isEqualTo(first);
		}
	}

	@Test
	void aPointInAHoleIsNotInTheGridAroundIt() {
		assertThat(index.locate(87.42, 44.02)).isNull();
		assertThat(index.locate(87.405, 44.02)).isEqualTo("ring");
		assertThat(index.locate(87.41, 44.02)).as("the rim of the hole belongs to the grid").isEqualTo("ring");
	}

	@Test
	void theMoreSpecificKindWinsWhereLayersOverlap() {
		assertThat(index.locate(87.303, 44.003)).isEqualTo("school");
		assertThat(index.covering(87.303, 44.003)).containsExactly("school", "west", "patrol");
		assertThat(index.locate(87.295, 43.995)).as("only the patrol range covers it").isEqualTo("patrol");
	}

	@Test
	void theSmallerGridWinsWhereGridsOfTheSameKindOverlap() {
		assertThat(index.locate(87.555, 44.055)).isEqualTo("small");
		assertThat(index.locate(87.52, 44.02)).isEqualTo("big");
	}

	@Test
	void aPointOutsideEveryGridIsNotPlaced() {
		assertThat(index.locate(88.0, 45.0)).isNull();
		assertThat(index.covering(88.0, 45.0)).isEmpty();
	}

}
