package io.grassroots.shared.web;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.web.ObservationMeters.KeyedMeterObservationHandler;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What operators scrape about requests: each request counted once on {@code http.server.requests} with its matched
 * pattern, method, status, outcome, exception and error, in the Prometheus output.
 */
@IntegrationTest
class RequestMetricsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	@Test
	void eachRequestIsCountedOnceUnderItsPatternAndShownToPrometheus() throws Exception {
		var admin = TestAccounts.in(context).open("metrics-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION,
				"000000000000");
		var search = meters.find("http.server.requests")
			.tags("uri", "/api/regions/{code}/children", "method", "GET", "status", "200", "outcome", "SUCCESS",
					"exception", "none", "error", "none");
		var before = search.timer() == null ? 0 : search.timer().count();

		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/api/regions/652301000000/children").header("Authorization", admin.bearer()))
				.andExpect(status().isOk());
		}

		assertThat(search.timer().count()).isEqualTo(before + 3);
		assertThat(meters.find("http.server.requests.active").longTaskTimer()).isNotNull();
		mvc.perform(get("/actuator/prometheus").header("Authorization", admin.bearer()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("http_server_requests_seconds_count{error=\"none\","
					+ "exception=\"none\",method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
					+ "uri=\"/api/regions/{code}/children\"} " + (before + 3))))
			.andExpect(content().string(containsString("http_server_requests_active_seconds_count{")));
	}

	@Test
	void theKeyedHandlerIsTheFirstOfTheMeterHandlers() {
		var handlers = context.getBeanProvider(MeterObservationHandler.class).orderedStream().toList();
		assertThat(handlers.get(0)).isInstanceOf(KeyedMeterObservationHandler.class);
	}

}
