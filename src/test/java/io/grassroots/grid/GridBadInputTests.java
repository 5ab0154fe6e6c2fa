package io.grassroots.grid;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Malformed requests to the grid API get a problem that says what is wrong, never a 500, and change nothing. */
@IntegrationTest
@WithUserDetails("admin")
class GridBadInputTests {

	MockMvc mvc;

	@BeforeEach
	void setUp(@Autowired WebApplicationContext context) {
		mvc = SecuredMvc.of(context);
	}

	@Test
	void placementRefusesCoordinatesThatAreNotNumbersSwappedOrAbroad() throws Exception {
		mvc.perform(get("/api/placement").param("lng", "abc").param("lat", "44")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/placement").param("lng", "NaN").param("lat", "44")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/placement").param("lng", "44.0").param("lat", "87.3"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("point"));
		mvc.perform(get("/api/placement").param("lng", "2.35").param("lat", "48.85")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/placement").param("lng", "87.3").param("lat", "44.0").param("system", "MARS"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/placement").param("lng", "87.2702").param("lat", "43.9902"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.method").value("INSIDE"))
			.andExpect(jsonPath("$.street").value("652301001000"));
	}

	@Test
	void drawingRefusesBadFormsWithAProblemPerField() throws Exception {
		mvc.perform(post("/api/grids").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/grids").contentType(MediaType.APPLICATION_JSON).content("""
				{"community":"652301001000","name":"街道不是社区","kind":"RESIDENTIAL","managementType":"ROUTINE",
				 "geometry":"{\\"type\\":\\"Polygon\\",\\"coordinates\\":[[[87.1,44.1],[87.2,44.1],[87.2,44.2],[87.1,44.1]]]}"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("community"));
		mvc.perform(post("/api/grids").contentType(MediaType.APPLICATION_JSON).content("""
				{"community":"652301001001","name":"<script>alert(1)</script>","kind":"RESIDENTIAL","managementType":"ROUTINE",
				 "geometry":"{\\"type\\":\\"Polygon\\",\\"coordinates\\":[[[87.1,44.1],[87.2,44.1],[87.2,44.2],[87.1,44.1]]]}"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("name"));
		mvc.perform(post("/api/grids").contentType(MediaType.APPLICATION_JSON).content("""
				{"community":"652301001001","name":"坏图形","kind":"RESIDENTIAL","managementType":"ROUTINE","geometry":"not json"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("geometry"));
		mvc.perform(post("/api/grids").contentType(MediaType.APPLICATION_JSON).content("""
				{"community":"652301001001","name":"未知类型","kind":"CASTLE","managementType":"ROUTINE","geometry":"{}"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void theApiDocumentationDescribesPlacementAndTheGridRegisters() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/placement'].get").exists())
			.andExpect(jsonPath("$.paths['/api/grids/{id}/households'].get").exists());
	}

	@Test
	void unknownGridsAndMalformedIdsAreAProblemNotAFailure() throws Exception {
		mvc.perform(get("/api/grids/not-a-uuid")).andExpect(status().isBadRequest());
		mvc.perform(get("/api/grids/00000000-0000-0000-0000-000000000001")).andExpect(status().isNotFound());
		mvc.perform(get("/grids/00000000-0000-0000-0000-000000000001")).andExpect(status().isNotFound());
		mvc.perform(get("/grids/map").param("within", "12x")).andExpect(status().isBadRequest());
		mvc.perform(get("/grids/network").param("community", "abc")).andExpect(status().isBadRequest());
	}

}
