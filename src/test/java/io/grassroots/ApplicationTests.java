package io.grassroots;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApplicationTests {

	@Autowired
	MockMvc mvc;

	@Test
	void loginPageIsOpenToEverybody() throws Exception {
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(
				org.hamcrest.Matchers.containsString("name=\"password\"")));
	}

	@Test
	void consoleRedirectsStrangersToLogin() throws Exception {
		mvc.perform(get("/regions")).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
	}

	@Test
	void apiRefusesStrangersWithAProblem() throws Exception {
		mvc.perform(get("/api/regions")).andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void healthIsOpen() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

}
