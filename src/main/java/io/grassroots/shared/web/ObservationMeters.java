package io.grassroots.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;

import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The meters of every observation — {@code http.server.requests} for each request and its long-task timer
 * {@code http.server.requests.active} — exactly as Micrometer's {@link DefaultMeterObservationHandler} makes them (same
 * names, tags, the {@code error} tag, the registry's filters and histogram settings, the ignored meters of
 * {@code management.metrics.observations.ignored-meters}), but each meter is looked up in the registry once per set of
 * tags and then taken from a map keyed by the observation's key values, instead of a list of tags built, sorted
 * into an id and looked up in the registry twice per request (bench/RESULTS.md § intake, 2026-12-06 intake12).
 * Boot groups meter handlers into a first-matching composite, so this one, ordered first, is the only one that runs.
 * HTTP server requests are not observations any more: {@link RequestMeters} records their meters directly.
 */
@Configuration(proxyBeanMethods = false)
class ObservationMeters {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	KeyedMeterObservationHandler keyedMeterObservationHandler(MeterRegistry registry, MetricsProperties properties) {
		return new KeyedMeterObservationHandler(registry, !properties.getObservations()
			.getIgnoredMeters()
			.contains(DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
	}

	/** {@link DefaultMeterObservationHandler}'s meters, remembered per name and low-cardinality key values. */
	static final class KeyedMeterObservationHandler implements MeterObservationHandler<Observation.Context> {

		/** More sets of tags than low-cardinality tags make: the meters are then looked up as Micrometer does. */
		static final int MAXIMUM_KEYS = 10_000;

		private record Key(String name, KeyValues tags, String error) {
		}

		private final MeterRegistry registry;

		private final boolean longTaskTimers;

		private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

		private final Map<Key, LongTaskTimer> active = new ConcurrentHashMap<>();

		KeyedMeterObservationHandler(MeterRegistry registry, boolean longTaskTimers) {
			this.registry = registry;
			this.longTaskTimers = longTaskTimers;
			// a meter removed from the registry is looked up (and registered) again at its next use, as Micrometer's
			// handler does, so no request is counted on a meter that a scrape no longer sees
			registry.config().onMeterRemoved(removed -> {
				timers.clear();
				active.clear();
			});
		}

		@Override
		public void onStart(Observation.Context context) {
			if (longTaskTimers) {
				var key = new Key(context.getName(), context.getLowCardinalityKeyValues(), null);
				var timer = meter(active, key, k -> registry.more().longTaskTimer(k.name() + ".active", tags(k)));
				context.put(LongTaskTimer.Sample.class, timer.start());
			}
			context.put(Timer.Sample.class, Timer.start(registry));
		}

		@Override
		public void onStop(Observation.Context context) {
			var error = context.getError();
			var key = new Key(context.getName(), context.getLowCardinalityKeyValues(),
					error == null ? KeyValue.NONE_VALUE : error.getClass().getSimpleName());
			Timer.Sample sample = context.getRequired(Timer.Sample.class);
			sample.stop(meter(timers, key, k -> registry.timer(k.name(), tags(k))));
			if (longTaskTimers) {
				LongTaskTimer.Sample running = context.getRequired(LongTaskTimer.Sample.class);
				running.stop();
			}
		}

		@Override
		public void onEvent(Observation.Event event, Observation.Context context) {
			registry.counter(context.getName() + "." + event.getName(),
					tags(new Key(context.getName(), context.getLowCardinalityKeyValues(), null)))
				.increment();
		}

		/**
		 * The registered meter of these tags, looked up in the registry the first time only (up to
		 * {@link #MAXIMUM_KEYS} sets of tags remembered; also {@link RequestMeters}' request meters).
		 */
		static <K, M extends Meter> M meter(Map<K, M> meters, K key, Function<K, M> lookUp) {
			var meter = meters.get(key);
			if (meter != null) {
				return meter;
			}
			meter = lookUp.apply(key);
			if (meters.size() < MAXIMUM_KEYS) {
				meters.put(key, meter);
			}
			return meter;
		}

		/** The tags as Micrometer's handler makes them: the key values, then {@code error} for the timer. */
		private static List<Tag> tags(Key key) {
			var tags = new ArrayList<Tag>();
			for (var keyValue : key.tags()) {
				tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
			}
			if (key.error() != null) {
				tags.add(Tag.of("error", key.error()));
			}
			return tags;
		}

	}

}
