package io.grassroots.grid;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who sees which grids and households, through the API and the console (demo network of 西街社区). */
@IntegrationTest
class GridScopeTests {

	MockMvc mvc;

	@Autowired
	GridNetwork network;

	String ownGrid;

	String neighbourGrid;

	String otherCommunityGrid;

	@BeforeEach
	void setUp(@Autowired WebApplicationContext context) {
		mvc = SecuredMvc.of(context);
		ownGrid = network.findByCode("652301001001001").orElseThrow().id().toString();
		neighbourGrid = network.findByCode("652301001001002").orElseThrow().id().toString();
		otherCommunityGrid = network.findByCode("652301001002001").orElseThrow().id().toString();
	}

	@Test
	@WithUserDetails("gridworker")
	void aGridWorkerSeesTheHouseholdsOfTheirOwnGridWithPhoneNumbersInClear() throws Exception {
		mvc.perform(get("/api/grids/" + ownGrid + "/households"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.demo == true)]", hasSize(18)))
			.andExpect(jsonPath("$[*].grid", everyItem(is(ownGrid))))
			.andExpect(jsonPath("$[?(@.demo == true)].phone", everyItem(matchesPattern("199\\d{8}"))));
		mvc.perform(get("/grids/" + ownGrid + "/households")).andExpect(status().isOk())
			.andExpect(content().string(containsString("household-table")));
	}

	@Test
	@WithUserDetails("gridworker")
	void aGridWorkerIsRefusedTheHouseholdsOfAnyOtherGrid() throws Exception {
		mvc.perform(get("/api/grids/" + neighbourGrid + "/households"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/grids/" + neighbourGrid + "/households")).andExpect(status().isForbidden());
		mvc.perform(get("/api/grids/" + neighbourGrid)).andExpect(status().isForbidden());
	}

	@Test
	@WithUserDetails("gridworker")
	void aGridWorkersGridListHoldsOnlyTheirGrid() throws Exception {
		mvc.perform(get("/api/grids"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].grid.code").value("652301001001001"));
	}

	@Test
	@WithUserDetails("community")
	void aCommunitySeesOnlyItsOwnGrids() throws Exception {
		mvc.perform(get("/api/grids"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(6)))
			.andExpect(jsonPath("$[*].grid.code", everyItem(startsWith("652301001001"))));
		mvc.perform(get("/api/grids").param("within", "652301000000"))
			.andExpect(jsonPath("$[*].grid.code", everyItem(startsWith("652301001001"))));
		mvc.perform(get("/api/grids/" + otherCommunityGrid)).andExpect(status().isForbidden());
		mvc.perform(get("/api/grids/" + otherCommunityGrid + "/households")).andExpect(status().isForbidden());
		mvc.perform(get("/grids/" + otherCommunityGrid)).andExpect(status().isForbidden());
		mvc.perform(get("/grids")).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("652301001002001"))));
	}

	@Test
	@WithUserDetails("community")
	void communityStaffSeeTheirCommunitysPersonalDataInClear() throws Exception {
		mvc.perform(get("/api/grids/" + neighbourGrid + "/households"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.demo == true)].phone", everyItem(matchesPattern("199\\d{8}"))))
			.andExpect(jsonPath("$[*].personalDataVisible", everyItem(is(true))));
	}

	@Test
	@WithUserDetails("admin")
	void administratorsSeeHouseholdsButPersonalDataMasked() throws Exception {
		mvc.perform(get("/api/grids/" + ownGrid + "/households"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.demo == true)].phone", everyItem(matchesPattern("199\\*{4}\\d{4}"))))
			.andExpect(jsonPath("$[?(@.demo == true)].idNumber", everyItem(matchesPattern("6523\\*{10}[\\dX]{4}"))))
			.andExpect(jsonPath("$[*].personalDataVisible", everyItem(is(false))));
	}

	@Test
	@WithUserDetails("supervisor")
	void rolesWithoutRegistersAreRefusedHouseholdsButSeeTheNetwork() throws Exception {
		mvc.perform(get("/api/grids/" + ownGrid + "/households")).andExpect(status().isForbidden());
		mvc.perform(get("/api/grids/" + ownGrid)).andExpect(status().isOk());
	}

	@Test
	@WithUserDetails("handler")
	void aDepartmentIsRefusedHouseholds() throws Exception {
		mvc.perform(get("/api/grids/" + ownGrid + "/households")).andExpect(status().isForbidden());
	}

}
