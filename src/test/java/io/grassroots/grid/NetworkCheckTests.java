package io.grassroots.grid;

import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

@IntegrationTest
@RecordApplicationEvents
@WithUserDetails("admin")
class NetworkCheckTests {

	static final String COMMUNITY = "652323100002";

	@Autowired
	GridManagement management;

	@Autowired
	CommunityOutlines outlines;

	@Autowired
	NetworkCheck check;

	@Autowired
	ApplicationEvents events;

	static String polygon(double west, double south, double east, double north) {
		return "{\"type\":\"Polygon\",\"coordinates\":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}".formatted(west, south,
				east, south, east, north, west, north, west, south);
	}

	GridView draw(String name, GridKind kind, String geometry) {
		return management.draw(new GridForm(COMMUNITY, name, kind, ManagementType.ROUTINE, geometry, null));
	}

	@Test
	void gapsOverlapsOfOneLayerAndSpillsAreFoundAndMeasured() {
		outlines.draw(COMMUNITY, polygon(86.80, 44.30, 86.82, 44.32), CoordinateSystem.WGS84);
		draw("西半", GridKind.RESIDENTIAL, polygon(86.80, 44.30, 86.811, 44.32));
		draw("东半", GridKind.RESIDENTIAL, polygon(86.809, 44.30, 86.82, 44.31));
		draw("警务", GridKind.POLICE_PATROL, polygon(86.80, 44.30, 86.81, 44.325));
		var report = check.check(RegionCode.of(COMMUNITY));

		assertThat(report.outlineKnown()).isTrue();
		var cell = io.grassroots.grid.index.Geodesy.areaSquareMetres(Shapes.parse(
				"POLYGON ((86.811 44.31, 86.82 44.31, 86.82 44.32, 86.811 44.32, 86.811 44.31))"));
		assertThat(report.gaps()).singleElement().satisfies(gap -> assertThat(gap.area()).isCloseTo(cell, withPercentage(0.5)));
		var strip = io.grassroots.grid.index.Geodesy.areaSquareMetres(Shapes.parse(
				"POLYGON ((86.809 44.30, 86.811 44.30, 86.811 44.31, 86.809 44.31, 86.809 44.30))"));
		assertThat(report.overlaps()).as("only the residential layer overlaps itself").singleElement().satisfies(o -> {
			assertThat(o.kind()).isEqualTo(GridKind.RESIDENTIAL);
			assertThat(o.area()).isCloseTo(strip, withPercentage(0.5));
		});
		assertThat(report.spills()).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("警务"));
		assertThat(report.coveragePercent()).isBetween(77, 78);
		assertThat(events.stream(GridsChanged.class)).hasSize(3)
			.allSatisfy(e -> assertThat(e.communities()).containsExactly(RegionCode.of(COMMUNITY)));
	}

	@Test
	void anOutlineDrawnThroughTheApiIsReadBack(@Autowired org.springframework.web.context.WebApplicationContext context)
			throws Exception {
		var mvc = SecuredMvc.of(context);
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/grids/outlines/652323100004")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content(polygon(86.90, 44.30, 86.91, 44.31)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/grids/outlines/652323100004"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.type").value("Polygon"));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/grids/outlines/652323100004")
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.content("{\"type\":\"Polygon\",\"coordinates\":[[[86.9,44.3],[86.91,44.31],[86.91,44.3],[86.9,44.31],[86.9,44.3]]]}"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest());
	}

	@Test
	void aCommunityWithoutAnOutlineShowsOverlapsOnly() {
		var report = check.check(RegionCode.of("652323100003"));
		assertThat(report.outlineKnown()).isFalse();
		assertThat(report.gaps()).isEmpty();
	}

}
