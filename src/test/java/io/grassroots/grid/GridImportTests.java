package io.grassroots.grid;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@WithUserDetails("admin")
class GridImportTests {

	static final String BOFENG = "652302001001";

	static final String CHANGSUIYUAN = "652302001002";

	MockMvc mvc;

	@org.junit.jupiter.api.BeforeEach
	void signIn(@Autowired org.springframework.web.context.WebApplicationContext context) {
		mvc = SecuredMvc.of(context);
	}

	@Autowired
	GridNetwork network;

	static String square(double west, double south, double size) {
		return "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]".formatted(west, south, west + size, south, west + size,
				south + size, west, south + size, west, south);
	}

	static String feature(String properties, String type, String coordinates) {
		return "{\"type\":\"Feature\",\"properties\":{" + properties + "},\"geometry\":{\"type\":\"" + type
				+ "\",\"coordinates\":" + coordinates + "}}";
	}

	static MockMultipartFile file(String... features) {
		var json = "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
		return new MockMultipartFile("file", "grids.geojson", "application/geo+json", json.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void aGoodFileImportsEveryFeatureAndPlacementFindsThem() throws Exception {
		mvc.perform(multipart("/api/grids/import").file(file(
				feature("\"community\":\"" + BOFENG + "\",\"name\":\"博峰一网格\",\"kind\":\"小区网格\",\"managementType\":\"日常管理型\"",
						"Polygon", square(88.10, 44.10, 0.005)),
				feature("\"community\":\"" + BOFENG + "\",\"name\":\"博峰医院\",\"kind\":\"INSTITUTIONAL\",\"managementType\":\"KEY_ATTENTION\"",
						"MultiPolygon", "[" + square(88.101, 44.101, 0.001) + "]"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(2))
			.andExpect(jsonPath("$.applied").value(true));
		var grids = network.grids(RegionCode.of(BOFENG));
		assertThat(grids).extracting(GridView::code).contains(BOFENG + "001", BOFENG + "002");
		var hospital = network.place(88.1015, 44.1015, CoordinateSystem.WGS84, Optional.empty());
		assertThat(hospital.gridName()).isEqualTo("博峰医院");
		assertThat(network.place(88.104, 44.104, CoordinateSystem.WGS84, Optional.empty()).gridName()).isEqualTo("博峰一网格");
	}

	@Test
	void reimportingAnExportChangesNothing() throws Exception {
		mvc.perform(multipart("/api/grids/import").file(file(feature(
				"\"code\":\"" + CHANGSUIYUAN + "007\",\"name\":\"畅岁园七网格\",\"kind\":\"POLICE_PATROL\",\"managementType\":\"ROUTINE\"",
				"Polygon", square(88.20, 44.10, 0.004))))).andExpect(status().isOk()).andExpect(jsonPath("$.added").value(1));
		var exported = mvc.perform(get("/api/grids/export").param("within", CHANGSUIYUAN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CHANGSUIYUAN + "007")))
			.andReturn().getResponse().getContentAsByteArray();
		mvc.perform(multipart("/api/grids/import")
				.file(new MockMultipartFile("file", "export.geojson", "application/geo+json", exported)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.added").value(0))
			.andExpect(jsonPath("$.unchanged").value(1));
	}

	@Test
	void aBadFileIsRefusedWithAReasonPerFeatureAndNothingIsImported() throws Exception {
		var community = "652302001003";
		var good = "\"community\":\"" + community + "\",\"name\":\"好网格\",\"kind\":\"RESIDENTIAL\",\"managementType\":\"ROUTINE\"";
		mvc.perform(multipart("/api/grids/import").file(file(
				feature(good, "Polygon", square(88.30, 44.10, 0.004)),
				feature(good, "Polygon", "[[[88.30,44.12],[88.31,44.13],[88.31,44.12],[88.30,44.13],[88.30,44.12]]]"),
				feature(good, "Polygon", "[[[44.12,88.30],[44.12,88.31],[44.13,88.31],[44.12,88.30]]]"),
				feature(good, "Polygon", "[[[88.30,44.14],[88.31,44.14],[88.31,44.15],[88.30,44.15]]]"),
				feature(good.replace("RESIDENTIAL", "SPACESHIP"), "Polygon", square(88.32, 44.10, 0.004)),
				feature(good.replace(community, "652302001999"), "Polygon", square(88.34, 44.10, 0.004)))))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors", hasSize(5)))
			.andExpect(jsonPath("$.errors[0].where").value("grids.geojson:2:geometry"))
			.andExpect(jsonPath("$.errors[1].where").value("grids.geojson:3:geometry"))
			.andExpect(jsonPath("$.errors[2].where").value("grids.geojson:4:geometry"))
			.andExpect(jsonPath("$.errors[3].where").value("grids.geojson:5:kind"))
			.andExpect(jsonPath("$.errors[4].where").value("grids.geojson:6:community"));
		assertThat(network.grids(RegionCode.of(community))).isEmpty();
	}

	@Test
	void somethingThatIsNotGeoJsonIsRefusedAsAWhole() throws Exception {
		mvc.perform(multipart("/api/grids/import")
				.file(new MockMultipartFile("file", "x.geojson", "application/json", "{\"type\":".getBytes())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)));
		mvc.perform(multipart("/api/grids/import")
				.file(new MockMultipartFile("file", "x.geojson", "application/json", "{\"type\":\"Feature\"}".getBytes())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("x.geojson:0:type"));
	}

	@Test
	@WithUserDetails("community")
	void aCommunityMayNotImportGridsOfAnotherCommunity() throws Exception {
		mvc.perform(multipart("/api/grids/import").file(file(feature(
				"\"community\":\"652302001005\",\"name\":\"越界网格\",\"kind\":\"RESIDENTIAL\",\"managementType\":\"ROUTINE\"",
				"Polygon", square(88.40, 44.10, 0.004)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("grids.geojson:1:community"));
		assertThat(network.grids(RegionCode.of("652302001005"))).isEmpty();
	}

	@Test
	void theConsoleShowsTheRefusedFeaturesOfABadFile() throws Exception {
		mvc.perform(multipart("/grids/import").file(file(feature(
				"\"community\":\"652302001006\",\"name\":\"坏网格\",\"kind\":\"RESIDENTIAL\",\"managementType\":\"ROUTINE\"",
				"Polygon", "[[[88.50,44.12],[88.51,44.13],[88.51,44.12],[88.50,44.13],[88.50,44.12]]]")))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("图形自相交")));
		assertThat(network.grids(RegionCode.of("652302001006"))).isEmpty();
	}

}
