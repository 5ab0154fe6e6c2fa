package io.grassroots.grid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.grassroots.grid.index.PlacementIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real county outlines of 昌吉州 (DataV, GCJ-02, in ../shared/data, never copied into the project) read by the
 * product's own GeoJSON checks with GCJ-02 conversion, indexed, and each county seat (the {@code center}
 * property, also GCJ-02) placed back in its own county.
 */
class CountySeatPlacementTests {

	static final Path FILE = Path.of("").toAbsolutePath().getParent()
		.resolve("shared/data/geo-boundaries/datav/652300_full.json");

	static List<GeoJson.Feature> features;

	@BeforeAll
	static void read() throws IOException {
		assumeTrue(Files.isRegularFile(FILE), "County boundaries not found at " + FILE
				+ " (the shared data folder is absent): county-seat placement test skipped");
		var collection = GeoJson.read(FILE.getFileName().toString(), Files.readAllBytes(FILE), Integer.MAX_VALUE);
		assertThat(collection.problems()).isEmpty();
		features = collection.features();
	}

	@Test
	void everyCountySeatOfChangjiIsPlacedInItsOwnCounty() {
		var entries = new ArrayList<PlacementIndex.Entry<String>>();
		for (var feature : features) {
			var shape = ShapeCheck.read(feature.geometry(), CoordinateSystem.GCJ02);
			assertThat(shape.issues()).as("county %s", feature.text("name")).isEmpty();
			entries.add(new PlacementIndex.Entry<>(feature.text("adcode"), shape.shape(), 1, Shapes.area(shape.shape()),
					feature.text("adcode")));
		}
		var index = PlacementIndex.build(entries);
		assertThat(features).hasSize(7);
		for (var feature : features) {
			var centre = feature.properties().get("center");
			var wgs = CoordinateSystem.GCJ02.toWgs84(centre.get(0).asDouble(), centre.get(1).asDouble());
			assertThat(index.locate(wgs[0], wgs[1])).as("seat of %s", feature.text("name"))
				.isEqualTo(feature.text("adcode"));
		}
	}

	@Test
	void countyAreasAreOfTheRightSize() {
		var changji = features.stream().filter(f -> "652301".equals(f.text("adcode"))).findFirst().orElseThrow();
		var area = Shapes.area(ShapeCheck.read(changji.geometry(), CoordinateSystem.GCJ02).shape());
		assertThat(area / 1e6).as("昌吉市 is about 8,000 km²").isBetween(7_000.0, 9_000.0);
	}

}
