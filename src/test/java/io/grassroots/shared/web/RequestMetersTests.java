package io.grassroots.shared.web;

import java.util.List;
import java.util.TreeSet;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.web.RequestMeters.MeteringFilter;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpFilter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The request meters our filter records are those Spring's observation filter and Micrometer's handler record: the
 * same meters, tags and counts for the same requests — API and console, success, problem, failure, unknown path.
 */
@IntegrationTest
class RequestMetersTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	ApplicationContext applicationContext;

	/** Fails every request to a path ending in {@code /boom}, inside both measuring filters. */
	static final class Boom extends HttpFilter {

		@Override
		protected void doFilter(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
				throws java.io.IOException, jakarta.servlet.ServletException {
			if (request.getRequestURI().endsWith("/boom")) {
				throw new IllegalStateException("boom");
			}
			chain.doFilter(request, response);
		}

	}

	/** Every meter as its type, name, sorted tags and the count it holds. */
	private static TreeSet<String> described(MeterRegistry meters) {
		var described = new TreeSet<String>();
		for (Meter meter : meters.getMeters()) {
			var id = meter.getId();
			var count = meter instanceof Timer timer ? " count=" + timer.count()
					: meter instanceof LongTaskTimer active ? " active=" + active.activeTasks() : "";
			described.add(id.getType() + " " + id.getName() + " " + id.getTags() + count);
		}
		return described;
	}

	private MockMvc measuredByBoth(MeterRegistry boots, MeterRegistry ours) {
		var observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(boots));
		var intake = (FilterRegistrationBean<?>) applicationContext.getBean("intakeFastPath");
		return MockMvcBuilders.webAppContextSetup(context)
			.addFilters(new ServerHttpObservationFilter(observations),
					new MeteringFilter(ours, "http.server.requests", List.of(), true), new Boom(),
					applicationContext.getBean("springSecurityFilterChain", Filter.class))
			.addFilter(intake.getFilter(), "/api/cases")
			.build();
	}

	private static void perform(MockMvc mvc, RequestBuilder request) {
		try {
			mvc.perform(request);
		}
		catch (Exception e) {
			// the failing requests: thrown on, as the container would see them
		}
	}

	@Test
	void apiAndConsoleRequestsAreMeasuredAsSpringsObservationFilterMeasuresThem() {
		var boots = new SimpleMeterRegistry();
		var ours = new SimpleMeterRegistry();
		var mvc = measuredByBoth(boots, ours);
		var accounts = TestAccounts.in(context);
		var admin = accounts.open("meters-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
		var dispatcher = accounts.open("meters-dispatcher", Role.DISPATCHER, DataScope.Kind.REGION, "000000000000");
		var report = """
				{"channel":"PHONE","title":"计量-%s","description":"楼道里堆满杂物","categoryStandard":"CJT214",
				 "categoryCode":"E0102","longitude":87.272,"latitude":43.992,"community":"652301001001",
				 "reporterName":"王五","reporterPhone":"13700000000"}""".formatted(System.nanoTime());

		for (int i = 0; i < 2; i++) {
			perform(mvc, get("/api/regions/652301000000/children").header("Authorization", admin.bearer()));
		}
		perform(mvc, post("/api/cases").header("Authorization", dispatcher.bearer())
			.contentType(MediaType.APPLICATION_JSON).content(report));
		perform(mvc, post("/api/cases").header("Authorization", dispatcher.bearer())
			.contentType(MediaType.APPLICATION_JSON).content("{\"channel\":"));
		perform(mvc, get("/api/regions/652301000000/children"));
		perform(mvc, get("/api/regions/nowhere-at-all/children").header("Authorization", admin.bearer()));
		perform(mvc, get("/api/no-such-thing").header("Authorization", admin.bearer()));
		perform(mvc, get("/api/cases/boom").header("Authorization", admin.bearer()));
		perform(mvc, get("/cases/workbench").param("queue", "NEW").with(accounts.console(dispatcher)));
		perform(mvc, get("/cases/workbench").param("queue", "NEW"));
		perform(mvc, get("/no-such-page").with(accounts.console(dispatcher)));
		perform(mvc, get("/cases/boom").with(accounts.console(dispatcher)));
		perform(mvc, get("/login"));

		assertThat(described(ours)).isEqualTo(described(boots))
			.contains("TIMER http.server.requests [tag(error=none), tag(exception=none), tag(method=GET), "
					+ "tag(outcome=SUCCESS), tag(status=200), tag(uri=/api/regions/{code}/children)] count=2")
			.contains("TIMER http.server.requests [tag(error=none), tag(exception=none), tag(method=POST), "
					+ "tag(outcome=SUCCESS), tag(status=201), tag(uri=/api/cases)] count=1")
			.contains("TIMER http.server.requests [tag(error=none), tag(exception=none), tag(method=POST), "
					+ "tag(outcome=CLIENT_ERROR), tag(status=400), tag(uri=/api/cases)] count=1")
			.contains("TIMER http.server.requests [tag(error=IllegalStateException), tag(exception=IllegalStateException), "
					+ "tag(method=GET), tag(outcome=SERVER_ERROR), tag(status=500), tag(uri=UNKNOWN)] count=2")
			.contains("TIMER http.server.requests [tag(error=none), tag(exception=none), tag(method=GET), "
					+ "tag(outcome=REDIRECTION), tag(status=302), tag(uri=REDIRECTION)] count=1")
			.anyMatch(meter -> meter.contains("status=404"))
			.anyMatch(meter -> meter.contains("status=401"))
			.contains("LONG_TASK_TIMER http.server.requests.active [tag(exception=none), tag(method=GET), "
					+ "tag(outcome=SUCCESS), tag(status=200), tag(uri=UNKNOWN)] active=0");
	}

	@Test
	void withoutLongTaskTimersOrWithCommonTagsTheMetersAreAsMicrometersHandlerMakesThem() {
		var boots = new SimpleMeterRegistry();
		var ours = new SimpleMeterRegistry();
		var observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(boots,
					DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER))
			.observationFilter(c -> c.addLowCardinalityKeyValue(io.micrometer.common.KeyValue.of("region", "changji")));
		var mvc = MockMvcBuilders.webAppContextSetup(context)
			.addFilters(new ServerHttpObservationFilter(observations),
					new MeteringFilter(ours, "http.server.requests", List.of(Tag.of("region", "changji")), false))
			.build();

		perform(mvc, get("/login"));
		perform(mvc, get("/no-such-page"));

		assertThat(described(ours)).isEqualTo(described(boots))
			.noneMatch(meter -> meter.contains(".active"))
			.allMatch(meter -> meter.contains("tag(region=changji)"));
	}

	@Test
	void eachRequestIsMeasuredByOurFilterAloneNotAlsoBySpringsObservationFilter() {
		var registrations = applicationContext.getBeansOfType(FilterRegistrationBean.class).values();
		assertThat(registrations).filteredOn(r -> r.getFilter() instanceof ServerHttpObservationFilter)
			.allMatch(r -> !r.isEnabled())
			.isNotEmpty();
		assertThat(registrations).filteredOn(r -> r.getFilter() instanceof MeteringFilter)
			.singleElement()
			.matches(FilterRegistrationBean::isEnabled);
	}

}
