package io.grassroots.shared.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxHandlerInterceptor;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxMvcAutoConfiguration;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestHeader;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequestMappingHandlerMapping;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * htmx's handler mapping (for {@link HxRequest}) with its response annotations looked up once per handler method
 * instead of on every request (decision 0026). The htmx starter's interceptor searches every handler method of
 * every request for eight response annotations ({@code @HxPushUrl}, {@code @HxRetarget}, {@code @HxTrigger} …),
 * each an uncached merged-annotation search of the method's type hierarchy — none of which the console's handlers
 * carry. Here a handler method without any of them gets an interceptor that does only what remains of the starter's
 * for it: {@code Vary: HX-Request} on htmx requests and the {@code HtmxResponse} headers after the handler; a method
 * with one keeps the starter's interceptor. The rest of the starter's registrations (handler adapter, exception
 * resolver) are its own, handed through: Spring Boot uses the one primary {@link WebMvcRegistrations}. Only in a
 * servlet web application, as the starter's configuration: the commands ({@code --verify-audit}) and the lifecycle
 * bench start the application without a web server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Primary
class HtmxHandlerMapping implements WebMvcRegistrations {

	private static final String HTMX_PACKAGE = HxRequest.class.getPackageName();

	private final HtmxMvcAutoConfiguration htmx;

	HtmxHandlerMapping(HtmxMvcAutoConfiguration htmx) {
		this.htmx = htmx;
	}

	@Override
	public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
		return new OncePerMethod();
	}

	@Override
	public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
		return htmx.getRequestMappingHandlerAdapter();
	}

	@Override
	public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
		return htmx.getExceptionHandlerExceptionResolver();
	}

	/** Whether a handler method carries an htmx response annotation (anything of the starter's but {@link HxRequest}). */
	static boolean hasResponseAnnotations(Method method) {
		return MergedAnnotations.from(method, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.stream()
			.anyMatch(a -> a.getType().getPackageName().equals(HTMX_PACKAGE) && !a.getType().equals(HxRequest.class));
	}

	static final class OncePerMethod extends HtmxRequestMappingHandlerMapping {

		private final Map<Method, Boolean> annotated = new ConcurrentHashMap<>();

		private final Map<HandlerInterceptor, HandlerInterceptor> lean = new ConcurrentHashMap<>();

		@Override
		protected HandlerExecutionChain getHandlerExecutionChain(Object handler, HttpServletRequest request) {
			var chain = super.getHandlerExecutionChain(handler, request);
			if (!(handler instanceof HandlerMethod method)
					|| annotated.computeIfAbsent(method.getMethod(), HtmxHandlerMapping::hasResponseAnnotations)) {
				return chain;
			}
			var interceptors = new ArrayList<>(chain.getInterceptorList());
			var replaced = false;
			for (var i = 0; i < interceptors.size(); i++) {
				if (interceptors.get(i) instanceof HtmxHandlerInterceptor starters) {
					interceptors.set(i, lean.computeIfAbsent(starters, WithoutAnnotations::new));
					replaced = true;
				}
			}
			return replaced ? new HandlerExecutionChain(chain.getHandler(), interceptors) : chain;
		}

	}

	/** The starter's interceptor for a handler method without htmx response annotations. */
	static final class WithoutAnnotations implements HandlerInterceptor {

		private static final String HX_REQUEST = HtmxRequestHeader.HX_REQUEST.getValue();

		private final HandlerInterceptor starters;

		WithoutAnnotations(HandlerInterceptor starters) {
			this.starters = starters;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (request.getHeader(HX_REQUEST) != null) {
				response.addHeader("Vary", HX_REQUEST);
			}
			return true;
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView modelAndView) throws Exception {
			starters.postHandle(request, response, handler, modelAndView);
		}

	}

}
