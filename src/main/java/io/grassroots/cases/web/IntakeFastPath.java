package io.grassroots.cases.web;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import io.grassroots.cases.CaseManagement;
import io.grassroots.identity.CurrentUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code POST /api/cases} with a JSON body, the one request an integration sends thousands of times a minute, answered
 * by a servlet filter behind the security chains instead of Spring MVC (decision cases-33): the same reader and writer
 * ({@link IntakeJson}), the same {@link CaseManagement#report} as {@link CaseApi#report}, the same status, headers and
 * body. Everything around it stays where it is: Tomcat, the request meters (their {@code uri} tag set here as the
 * handler mapping would), Spring Security (tokens, 401/403, headers, firewall), and every error goes to the
 * application's {@link HandlerExceptionResolver}s in the {@code DispatcherServlet}'s order, so bad input answers the
 * same RFC 9457 problem details from {@code ApiProblems}. Only the common shape is taken here — no query string (so
 * no {@code ?lang=} for MVC's locale interceptor), {@code Content-Type: application/json}, a body of known length, an {@code Accept} that JSON satisfies, at most one {@code
 * Idempotency-Key}; any other request to the path (photos as multipart, other types, charsets, negotiation) goes on to
 * Spring MVC untouched, and {@link CaseApi} keeps the mapping that the API documentation lists.
 */
final class IntakeFastPath extends HttpFilter {

	static final String PATH = "/api/cases";

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final CaseManagement cases;

	private final CurrentUser currentUser;

	private final IntakeJson json;

	private final LocaleResolver locales;

	private final ObjectProvider<HandlerExceptionResolver> resolvers;

	private volatile List<HandlerExceptionResolver> ordered;

	/** The handler Spring MVC maps these requests to, for the exception resolvers (the advice chosen by it). */
	private final HandlerMethod handler;

	IntakeFastPath(CaseApi api, CaseManagement cases, CurrentUser currentUser, IntakeJson json, LocaleResolver locales,
			ObjectProvider<HandlerExceptionResolver> resolvers) {
		try {
			this.handler = new HandlerMethod(api, CaseApi.class.getDeclaredMethod("report", IntakeRequest.class,
					String.class));
		}
		catch (NoSuchMethodException e) {
			throw new IllegalStateException("CaseApi.report(IntakeRequest, String) is the mapping this path stands for", e);
		}
		this.cases = cases;
		this.currentUser = currentUser;
		this.json = json;
		this.locales = locales;
		this.resolvers = resolvers;
	}

	/** After the security chains (order −100) and every filter of Spring's and Boot's, for {@value #PATH} only. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<IntakeFastPath> intakeFastPath(CaseApi api, CaseManagement cases,
				CurrentUser currentUser, IntakeJson json, LocaleResolver localeResolver,
				ObjectProvider<HandlerExceptionResolver> resolvers) {
			var registration = new FilterRegistrationBean<>(
					new IntakeFastPath(api, cases, currentUser, json, localeResolver, resolvers));
			registration.addUrlPatterns(PATH);
			registration.setOrder(0);
			return registration;
		}

	}

	/** Whether this filter answers the request: the common shape only, decided before the body is read. */
	static boolean takes(HttpServletRequest request) {
		// a query string may carry ?lang= for the console's LocaleChangeInterceptor (a Spring MVC interceptor)
		if (!"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())
				|| request.getQueryString() != null
				|| !MediaType.APPLICATION_JSON_VALUE.equals(request.getContentType())
				|| request.getContentLengthLong() <= 0) {
			return false;
		}
		var accept = request.getHeader("Accept");
		if (accept != null && !accept.equals(MediaType.APPLICATION_JSON_VALUE) && !accept.equals(MediaType.ALL_VALUE)) {
			return false;
		}
		var keys = request.getHeaders(IDEMPOTENCY_KEY);
		if (keys.hasMoreElements()) {
			keys.nextElement();
			return !keys.hasMoreElements();
		}
		return true;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!takes(request)) {
			chain.doFilter(request, response);
			return;
		}
		// the uri tag of the request's meters, set as Spring MVC's handler mappings set it: the attribute our meters
		// read (shared.web.RequestMeters), and the observation's context should Spring's filter measure the request
		request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, PATH);
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(c -> c.setPathPattern(PATH));
		// the locale as the DispatcherServlet resolves it (the language cookie first), for the problems' texts
		var previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocaleContext(localeContext(request));
		try {
			answer(request, response);
		}
		catch (Exception e) {
			resolve(request, response, e);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var body = json.readReport(request);
		if (body == null) {
			// a body of just "null": what Spring MVC says of a missing required @RequestBody
			throw new HttpMessageNotReadableException("Required request body is missing",
					new ServletServerHttpRequest(request));
		}
		var summary = cases.report(currentUser.actor(), body.intake(request.getHeader(IDEMPOTENCY_KEY), List.of()));
		var answer = json.summary(summary);
		// the headers Spring MVC's ResponseEntity and IntakeJson.write set, straight on the response
		if (summary.created()) {
			response.setStatus(HttpServletResponse.SC_CREATED);
			response.setHeader(HttpHeaders.LOCATION, PATH + "/" + summary.id());
		}
		else {
			response.setStatus(HttpServletResponse.SC_OK);
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(answer.size());
		var out = response.getOutputStream();
		answer.writeTo(out);
		out.flush();
	}

	/** As {@code DispatcherServlet.processHandlerException}: the first resolver that answers, else the exception. */
	private void resolve(HttpServletRequest request, HttpServletResponse response, Exception e)
			throws IOException, ServletException {
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
		for (var resolver : resolvers()) {
			var view = resolver.resolveException(request, response, handler, e);
			if (view != null) {
				if (view.isEmpty()) {
					request.setAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE, e);
					return;
				}
				break;
			}
		}
		if (e instanceof IOException io) {
			throw io;
		}
		if (e instanceof RuntimeException runtime) {
			throw runtime;
		}
		throw new ServletException(e);
	}

	private List<HandlerExceptionResolver> resolvers() {
		var list = ordered;
		if (list == null) {
			list = Collections.unmodifiableList(resolvers.orderedStream().toList());
			ordered = list;
		}
		return list;
	}

	private LocaleContext localeContext(HttpServletRequest request) {
		return new Resolved(request, locales);
	}

	/**
	 * The request's locale context as the resolver makes it, made when first asked: on the common path nothing asks
	 * (only a problem's texts do), so the cookie is not looked for and no attribute is set on the request per intake.
	 */
	private static final class Resolved implements TimeZoneAwareLocaleContext {

		private final HttpServletRequest request;

		private final LocaleResolver locales;

		private LocaleContext resolved;

		Resolved(HttpServletRequest request, LocaleResolver locales) {
			this.request = request;
			this.locales = locales;
		}

		private LocaleContext resolved() {
			var context = resolved;
			if (context == null) {
				context = locales instanceof LocaleContextResolver contextResolver
						? contextResolver.resolveLocaleContext(request) : () -> locales.resolveLocale(request);
				resolved = context;
			}
			return context;
		}

		@Override
		public Locale getLocale() {
			return resolved().getLocale();
		}

		@Override
		public TimeZone getTimeZone() {
			return resolved() instanceof TimeZoneAwareLocaleContext zoned ? zoned.getTimeZone() : null;
		}

	}

}
