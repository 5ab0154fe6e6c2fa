package io.grassroots.shared.web;

import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

import io.grassroots.shared.web.ObservationMeters.KeyedMeterObservationHandler;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The meters of observations are those of Micrometer's own handler — names, tags, types and counts — only looked up
 * once per set of tags.
 */
class ObservationMetersTests {

	/** A day of a few kinds of requests: successes, a client error, a failure with an exception, an event. */
	private static void observeADay(ObservationRegistry observations) {
		for (int i = 0; i < 3; i++) {
			request(observations, "POST", "/api/cases", "201", null);
		}
		request(observations, "GET", "/api/cases/{id}", "200", null);
		request(observations, "GET", "/api/cases/{id}", "404", null);
		request(observations, "POST", "/api/cases", "500", new IllegalStateException("boom"));
		var observation = Observation.start("jobs.sweep", observations);
		observation.event(Observation.Event.of("page"));
		observation.stop();
	}

	private static void request(ObservationRegistry observations, String method, String uri, String status,
			Throwable error) {
		var observation = Observation.createNotStarted("http.server.requests", observations)
			.lowCardinalityKeyValue("method", method)
			.lowCardinalityKeyValue("uri", "UNKNOWN")
			.lowCardinalityKeyValue("status", "UNKNOWN")
			.start();
		// as Spring's convention does at stop: the matched pattern and the status are known only then
		observation.lowCardinalityKeyValue("uri", uri).lowCardinalityKeyValue("status", status);
		if (error != null) {
			observation.error(error);
		}
		observation.stop();
	}

	private static MeterRegistry observedWith(
			Function<MeterRegistry, MeterObservationHandler<Observation.Context>> handler) {
		var meters = new SimpleMeterRegistry();
		var observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(handler.apply(meters));
		observeADay(observations);
		return meters;
	}

	/** Every meter as its type, name, sorted tags and the count it holds. */
	private static TreeSet<String> described(MeterRegistry meters) {
		var described = new TreeSet<String>();
		for (Meter meter : meters.getMeters()) {
			var id = meter.getId();
			var count = meter instanceof Timer timer ? " count=" + timer.count() : "";
			described.add(id.getType() + " " + id.getName() + " " + id.getTags() + count);
		}
		return described;
	}

	@Test
	void theMetersAndTheirCountsAreThoseOfMicrometersHandler() {
		var micrometers = observedWith(DefaultMeterObservationHandler::new);
		var ours = observedWith(meters -> new KeyedMeterObservationHandler(meters, true));

		assertThat(described(ours)).isEqualTo(described(micrometers))
			.contains("TIMER http.server.requests [tag(error=none), tag(method=POST), tag(status=201), tag(uri=/api/cases)]"
					+ " count=3")
			.contains("TIMER http.server.requests [tag(error=IllegalStateException), tag(method=POST), tag(status=500), "
					+ "tag(uri=/api/cases)] count=1")
			.contains("LONG_TASK_TIMER http.server.requests.active [tag(method=GET), tag(status=UNKNOWN), tag(uri=UNKNOWN)]")
			.contains("COUNTER jobs.sweep.page []");
	}

	@Test
	void withoutLongTaskTimersTheMetersAreThoseOfMicrometersHandlerWithoutThem() {
		var micrometers = observedWith(meters -> new DefaultMeterObservationHandler(meters,
				DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
		var ours = observedWith(meters -> new KeyedMeterObservationHandler(meters, false));

		assertThat(described(ours)).isEqualTo(described(micrometers)).noneMatch(meter -> meter.contains(".active"));
	}

	@Test
	void aMeterRemovedFromTheRegistryIsRegisteredAgainAtItsNextUse() {
		var meters = new SimpleMeterRegistry();
		var observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new KeyedMeterObservationHandler(meters, true));
		request(observations, "POST", "/api/cases", "201", null);
		var first = meters.get("http.server.requests").timer();
		meters.remove(first);

		request(observations, "POST", "/api/cases", "201", null);

		var again = meters.get("http.server.requests").timer();
		assertThat(again).isNotSameAs(first);
		assertThat(again.count()).isEqualTo(1);
		assertThat(List.of(first.count())).containsExactly(1L);
	}

}
