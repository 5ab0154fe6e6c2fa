package io.grassroots.shared.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The HTTP server's request meters — the {@code http.server.requests} timer and its long-task timer
 * {@code http.server.requests.active} — recorded by a servlet filter of our own instead of Spring's
 * {@link ServerHttpObservationFilter} and an observation per request (≈ 11 % of an intake request's CPU: a context
 * and its key value maps, the convention's key values twice, the scope's thread locals; bench/RESULTS.md § intake,
 * 2026-12-06 intake22 and intake23). Boot's filter is registered disabled, so each request is measured once.
 * <p>
 * The meters are those Boot's filter and Micrometer's {@link DefaultMeterObservationHandler} make: the same name
 * ({@code management.observations.http.server.requests.name}), the tags of Spring's
 * {@code DefaultServerRequestObservationConvention} ({@code method}, {@code uri} — the handler mapping's matched
 * pattern, else {@code REDIRECTION}, {@code NOT_FOUND} or {@code UNKNOWN} — {@code status}, {@code outcome},
 * {@code exception}) and the handler's {@code error}, the long-task timer tagged as at the request's start and left
 * out when {@code management.metrics.observations.ignored-meters} names it, the common key values
 * ({@code management.observations.key-values}) on the timer, none at all when the observation is disabled
 * ({@code management.observations.enable}); registered through the registry, so its filters (Boot's limit on
 * {@code uri} tags among them) and histogram settings apply. The same filter order and dispatcher types as Boot's, the
 * same error (a thrown exception unwrapped from a {@link ServletException}, else the request's
 * {@link RequestDispatcher#ERROR_EXCEPTION}), a thrown exception answered 500, async requests measured until they
 * complete. Nothing else in the product reads the observation: no tracing bridge is on the class path, so no trace
 * context or log correlation came from it. What the observation's predicates and filters say is asked once, at start,
 * of the application's {@link ObservationPredicate} and {@link ObservationFilter} beans (Boot's take the properties
 * above and do not look at the request).
 */
@Configuration(proxyBeanMethods = false)
class RequestMeters {

	@Bean
	FilterRegistrationBean<MeteringFilter> requestMeteringFilter(MeterRegistry registry, MetricsProperties metrics,
			ObservationProperties observations, ObjectProvider<ObservationPredicate> predicates,
			ObjectProvider<ObservationFilter> filters) {
		var name = observations.getHttp().getServer().getRequests().getName();
		var context = new Observation.Context();
		context.setName(name);
		var enabled = predicates.orderedStream().allMatch(predicate -> predicate.test(name, context));
		var common = new ArrayList<Tag>();
		if (enabled) {
			Observation.Context mapped = context;
			for (var filter : filters.orderedStream().toList()) {
				mapped = filter.map(mapped);
			}
			for (KeyValue keyValue : mapped.getLowCardinalityKeyValues()) {
				common.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
			}
		}
		var longTaskTimers = !metrics.getObservations()
			.getIgnoredMeters()
			.contains(DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER);
		var registration = new FilterRegistrationBean<>(
				new MeteringFilter(enabled ? registry : null, name, common, longTaskTimers));
		// as Boot registers ServerHttpObservationFilter
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
		return registration;
	}

	/** Boot's observation filter, registered but not enabled: Boot's auto-configuration backs off from adding its own. */
	@Bean
	FilterRegistrationBean<ServerHttpObservationFilter> serverHttpObservationFilterDisabled() {
		var registration = new FilterRegistrationBean<>(new ServerHttpObservationFilter(ObservationRegistry.NOOP));
		registration.setEnabled(false);
		return registration;
	}

	/** One request's measurement: started once, stopped once, whatever the dispatches in between. */
	private static final class Measurement {

		final HttpServletRequest request;

		final HttpServletResponse response;

		final long start;

		final LongTaskTimer.Sample active;

		Throwable error;

		boolean stopped;

		Measurement(HttpServletRequest request, HttpServletResponse response, long start, LongTaskTimer.Sample active) {
			this.request = request;
			this.response = response;
			this.start = start;
			this.active = active;
		}

	}

	/** The timer's tags, by what they are made of; the long-task timer's are those of the request's start. */
	private record Key(String method, String uri, int status, Class<?> error) {
	}

	static final class MeteringFilter extends OncePerRequestFilter {

		private static final String MEASUREMENT = MeteringFilter.class.getName() + ".measurement";

		private static final Set<String> METHODS = Set.of(names(HttpMethod.values()));

		private final MeterRegistry registry;

		private final Clock clock;

		private final String name;

		private final String activeName;

		private final List<Tag> common;

		private final boolean longTaskTimers;

		private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

		private final Map<Key, LongTaskTimer> active = new ConcurrentHashMap<>();

		/** {@code registry} null: the observation is disabled, nothing is measured. */
		MeteringFilter(MeterRegistry registry, String name, List<Tag> common, boolean longTaskTimers) {
			this.registry = registry;
			this.clock = registry == null ? Clock.SYSTEM : registry.config().clock();
			this.name = name;
			this.activeName = name + ".active";
			this.common = List.copyOf(common);
			this.longTaskTimers = longTaskTimers;
			if (registry != null) {
				// a meter removed from the registry is registered again at its next use, as Micrometer's handler does
				registry.config().onMeterRemoved(removed -> {
					timers.clear();
					active.clear();
				});
			}
		}

		private static String[] names(HttpMethod[] methods) {
			var names = new String[methods.length];
			for (int i = 0; i < methods.length; i++) {
				names[i] = methods[i].name();
			}
			return names;
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			var measurement = registry == null ? null : measurement(request, response);
			try {
				chain.doFilter(request, response);
			}
			catch (Exception ex) {
				if (measurement != null) {
					measurement.error = ex instanceof ServletException ? ex.getCause() : ex;
				}
				response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
				throw ex;
			}
			finally {
				if (measurement != null) {
					if (request.isAsyncStarted()) {
						request.getAsyncContext().addListener(new Completion(measurement));
					}
					else if (!isAsyncDispatch(request)) {
						var error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
						if (error != null) {
							measurement.error = error;
						}
						stop(measurement);
					}
				}
			}
		}

		private Measurement measurement(HttpServletRequest request, HttpServletResponse response) {
			var measurement = (Measurement) request.getAttribute(MEASUREMENT);
			if (measurement == null) {
				LongTaskTimer.Sample running = null;
				if (longTaskTimers) {
					// as at an observation's start: no pattern matched yet, the status the response has so far
					var key = new Key(method(request), uri(null, response.getStatus()), response.getStatus(), null);
					running = ObservationMeters.KeyedMeterObservationHandler.meter(active, key,
							k -> registry.more().longTaskTimer(activeName, tags(k, false)))
						.start();
				}
				measurement = new Measurement(request, response, clock.monotonicTime(), running);
				request.setAttribute(MEASUREMENT, measurement);
			}
			return measurement;
		}

		private void stop(Measurement measurement) {
			if (measurement.stopped) {
				return;
			}
			measurement.stopped = true;
			var status = measurement.response.getStatus();
			var pattern = (String) measurement.request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			var error = measurement.error;
			var key = new Key(method(measurement.request), uri(pattern, status), status,
					error == null ? null : error.getClass());
			ObservationMeters.KeyedMeterObservationHandler.meter(timers, key,
					k -> registry.timer(name, tags(k, true)))
				.record(clock.monotonicTime() - measurement.start, TimeUnit.NANOSECONDS);
			if (measurement.active != null) {
				measurement.active.stop();
			}
		}

		private static String method(HttpServletRequest request) {
			var method = request.getMethod();
			return METHODS.contains(method) ? method : "UNKNOWN";
		}

		/** As Spring's {@code DefaultServerRequestObservationConvention.uri}. */
		private static String uri(String pattern, int status) {
			if (pattern != null) {
				return pattern.isEmpty() ? "root" : pattern;
			}
			var resolved = HttpStatus.resolve(status);
			if (resolved != null) {
				if (resolved.is3xxRedirection()) {
					return "REDIRECTION";
				}
				if (resolved == HttpStatus.NOT_FOUND) {
					return "NOT_FOUND";
				}
			}
			return "UNKNOWN";
		}

		/** As Spring's {@code DefaultServerRequestObservationConvention.outcome}. */
		private static String outcome(int status) {
			if (status >= 100 && status < 200) {
				return "INFORMATIONAL";
			}
			if (status >= 200 && status < 300) {
				return "SUCCESS";
			}
			if (status >= 300 && status < 400) {
				return "REDIRECTION";
			}
			if (status >= 400 && status < 500) {
				return "CLIENT_ERROR";
			}
			if (status >= 500 && status < 600) {
				return "SERVER_ERROR";
			}
			return "UNKNOWN";
		}

		/**
		 * The convention's key values, then (for the timer) the common key values and Micrometer's {@code error};
		 * a later tag of the same key replaces an earlier one, as the observation's key values do.
		 */
		private List<Tag> tags(Key key, boolean timer) {
			var tags = new ArrayList<Tag>();
			tags.add(Tag.of("exception", exception(key.error())));
			tags.add(Tag.of("method", key.method()));
			tags.add(Tag.of("outcome", outcome(key.status())));
			tags.add(Tag.of("status", Integer.toString(key.status())));
			tags.add(Tag.of("uri", key.uri()));
			if (timer) {
				tags.addAll(common);
				tags.add(Tag.of("error", key.error() == null ? KeyValue.NONE_VALUE : key.error().getSimpleName()));
			}
			return tags;
		}

		private static String exception(Class<?> error) {
			if (error == null) {
				return KeyValue.NONE_VALUE;
			}
			var simpleName = error.getSimpleName();
			return simpleName.isBlank() ? error.getName() : simpleName;
		}

		/** As Spring's filter's listener: stopped when the async request completes or times out. */
		private final class Completion implements AsyncListener {

			private final Measurement measurement;

			Completion(Measurement measurement) {
				this.measurement = measurement;
			}

			@Override
			public void onStartAsync(AsyncEvent event) {
				event.getAsyncContext().addListener(this);
			}

			@Override
			public void onTimeout(AsyncEvent event) {
				stop(measurement);
			}

			@Override
			public void onComplete(AsyncEvent event) {
				stop(measurement);
			}

			@Override
			public void onError(AsyncEvent event) {
				var error = event.getThrowable();
				measurement.error = error instanceof ServletException ? error.getCause() : error;
			}

		}

	}

}
