package io.grassroots.identity;

import java.io.IOException;
import java.util.EnumSet;

import io.grassroots.shared.web.RehearsalPass;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.ServletRequestPathFilter;

/**
 * Two doors: the REST API (and Open311, actuator) takes bearer tokens and keeps no session; the console signs in
 * with a form, keeps a session and checks CSRF on every change. Only public intake, tracking by public code,
 * Open311 reads and health are open without signing in. Everything under {@code /admin} is for administrators.
 * Without a web server (the {@code --verify-audit} command) there are no filter chains.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_PAGES = { "/login", "/public/**", "/webjars/**", "/css/**", "/js/**", "/img/**",
			"/favicon.ico", "/error" };

	/**
	 * No observations of Spring Security (they are off in the properties too): without this setting every filter of
	 * every request is still wrapped in an observation decorator, allocated per request.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** The strict firewall, with its header and parameter checks done without regular expressions ({@link Firewall}). */
	@Bean
	HttpFirewall firewall() {
		return Firewall.strict();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@ConditionalOnWebApplication
	ThrottledAuthenticationProvider authenticationProvider(AccountDetailsService accounts, PasswordEncoder passwords,
			LoginThrottle throttle) {
		return new ThrottledAuthenticationProvider(accounts, passwords, throttle);
	}

	/**
	 * The request's path parsed once, before the security filters, for every dispatch: each of the chains' path
	 * matchers ({@code PathPatternRequestMatcher}) otherwise parses the path itself (parse, request attribute set and
	 * removed) whenever none is cached — 6–8 times for an API request on its way through the chain selection and the
	 * authorization rules. The matchers then read the same parsed path they would have parsed (decision 0016).
	 */
	@Bean
	@ConditionalOnWebApplication
	FilterRegistrationBean<ServletRequestPathFilter> requestPathParsedOnce() {
		var registration = new FilterRegistrationBean<>(new ServletRequestPathFilter());
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
		return registration;
	}

	/**
	 * The REST API: bearer tokens, no session; only {@code /api/public/**} (public intake and tracking) is open. A chain
	 * of its own, so that an API request is matched against its two rules only (decision 0016).
	 */
	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http, ApiTokenCheck tokens, MessageSource messages, RehearsalPass pass)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/public/**").permitAll().anyRequest().authenticated());
		return stateless(http, tokens, messages).addFilterBefore(new RehearsalSignIn(pass), BasicAuthenticationFilter.class)
			.build();
	}

	/** Open311 (reads and service requests open) and the actuator (health and info open, the rest for administrators). */
	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain open311AndActuator(HttpSecurity http, ApiTokenCheck tokens, MessageSource messages)
			throws Exception {
		http.securityMatcher("/open311/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/open311/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/open311/**")
				.permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole(Role.ADMINISTRATOR.name())
				.anyRequest()
				.authenticated());
		return stateless(http, tokens, messages).build();
	}

	/**
	 * Bearer tokens and no session: the context lives in the request only (a console session cookie signs nothing in
	 * here), and there is no session management, session-fixation check, request cache, logout or servlet-API request
	 * wrapper to run per request; 401 and 403 are problem details.
	 */
	private static HttpSecurity stateless(HttpSecurity http, ApiTokenCheck tokens, MessageSource messages)
			throws Exception {
		var entryPoint = problemEntryPoint(messages);
		return http
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(session -> session.disable())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.logout(logout -> logout.disable())
			.servletApi(servletApi -> servletApi.disable())
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(problemDenied(messages)))
			.addFilterBefore(new ApiTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class);
	}

	@Bean
	@Order(3)
	@ConditionalOnWebApplication
	SecurityFilterChain console(HttpSecurity http, RehearsalPass pass) throws Exception {
		http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
			.permitAll()
			.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole(Role.ADMINISTRATOR.name())
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data: blob: https:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; object-src 'none'; "
						+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new RehearsalSignIn(pass), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, exception) -> response.sendRedirect(request.getContextPath()
				+ (exception instanceof LoginThrottledException ? "/login?throttled" : "/login?error"));
	}

	private static AuthenticationEntryPoint problemEntryPoint(MessageSource messages) {
		return (request, response, exception) -> writeProblem(response, 401,
				messages.getMessage("problem.title.401", null, "Unauthorized", LocaleContextHolder.getLocale()),
				messages.getMessage("problem.unauthenticated", null, "Sign in first", LocaleContextHolder.getLocale()));
	}

	private static AccessDeniedHandler problemDenied(MessageSource messages) {
		return (request, response, exception) -> writeProblem(response, 403,
				messages.getMessage("problem.title.403", null, "Forbidden", LocaleContextHolder.getLocale()),
				messages.getMessage("problem.forbidden", null, "Forbidden", LocaleContextHolder.getLocale()));
	}

	private static void writeProblem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"status\":" + status + ",\"title\":\"" + json(title) + "\",\"detail\":\""
					+ json(detail) + "\"}");
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
