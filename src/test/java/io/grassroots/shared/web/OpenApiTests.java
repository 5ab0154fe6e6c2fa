package io.grassroots.shared.web;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document of the REST API is served to signed-in users, and only to them. */
@IntegrationTest
class OpenApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theApiDocumentListsTheRegionAndAccountEndpoints() throws Exception {
		var accounts = TestAccounts.in(context);
		var reader = accounts.open("openapi-reader", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		mvc.perform(get("/v3/api-docs").with(accounts.console(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/regions'].get").exists())
			.andExpect(jsonPath("$.paths['/api/regions/{code}/children'].get").exists())
			.andExpect(jsonPath("$.paths['/api/accounts'].get").exists())
			.andExpect(jsonPath("$.paths['/api/accounts'].post").exists())
			.andExpect(jsonPath("$.paths['/regions']").doesNotExist());
	}

	@Test
	void theIntakeTakesItsReportAsTheBodyAndItsIdempotencyKeyAsAHeader() throws Exception {
		var accounts = TestAccounts.in(context);
		var reader = accounts.open("openapi-intake", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		mvc.perform(get("/v3/api-docs").with(accounts.console(reader)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/cases'].post.requestBody.content['application/json'].schema['$ref']")
				.value("#/components/schemas/IntakeRequest"))
			.andExpect(jsonPath("$.paths['/api/cases'].post.parameters[?(@.name == 'Idempotency-Key')].in")
				.value("header"))
			.andExpect(jsonPath("$.paths['/api/cases'].post.parameters[?(@.in == 'query')]").isEmpty());
	}

	@Test
	void strangersAreSentToSignIn() throws Exception {
		mvc.perform(get("/v3/api-docs")).andExpect(status().is3xxRedirection());
	}

}
