package io.grassroots.evaluation;

import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.grassroots.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.lessThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Evaluation's API refuses bad input with problem details: malformed JSON, wrong types, unknown ids, bad scores. */
@IntegrationTest
class EvaluationApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	TestAccount dispatcher;

	@BeforeEach
	void openAccounts() {
		dispatcher = TestAccounts.in(context).open("eval-disp", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
	}

	@Test
	void badCallbacksAndRatingsAreProblems() throws Exception {
		var unknown = "/api/evaluation/cases/" + UUID.randomUUID();
		problem(post(unknown + "/callback"), "{\"version\": 1, \"rating\": ", 400);
		problem(post(unknown + "/callback"), "{\"version\": 1, \"rating\": \"GREAT\"}", 400)
			.andExpect(jsonPath("$.errors[0].where").value("rating"));
		problem(post(unknown + "/callback"), "{\"version\": 1, \"rating\": \"NO_REPLY\"}", 400);
		problem(post(unknown + "/callback"), "{\"version\": 1, \"rating\": \"SATISFIED\", \"resolved\": true}", 404);
		problem(post(unknown + "/department-rating"), "{\"score\": \"five\"}", 400)
			.andExpect(jsonPath("$.errors[0].where").value("score"));
		problem(post(unknown + "/department-rating"), "{\"score\": 9}", 400);
		problem(post(unknown + "/department-rating"), "{\"score\": 3}", 404);
		problem(post("/api/evaluation/cases/nope/department-rating"), "{\"score\": 3}", 400);
	}

	private ResultActions problem(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String body, int status) throws Exception {
		return mvc.perform(request.header("Authorization", dispatcher.bearer()).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(status))
			.andExpect(status().is(lessThan(500)))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

}
