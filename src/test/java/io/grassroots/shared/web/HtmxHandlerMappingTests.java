package io.grassroots.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxHandlerInterceptor;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxTrigger;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * htmx's response annotations are looked up once per handler method (decision 0026): a method without them gets an
 * interceptor that only marks htmx answers {@code Vary: HX-Request}; a method with one keeps the starter's.
 */
@IntegrationTest
class HtmxHandlerMappingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theApplicationMapsHandlersWithHtmxsConditionsAndTheLeanInterceptor() throws Exception {
		assertThat(context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class))
			.isInstanceOf(HtmxHandlerMapping.OncePerMethod.class);
		var accounts = TestAccounts.in(context);
		var dispatcher = accounts.open("htmx-dispatcher", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		// @HxRequest still decides the mapping: the rows of a queue answer htmx only
		mvc.perform(get("/cases/places/workbench/rows").param("queue", "NEW")
			.header("HX-Request", "true")
			.with(accounts.console(dispatcher)))
			.andExpect(status().isOk())
			.andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("HX-Request")));
		mvc.perform(get("/cases/places/workbench/rows").param("queue", "NEW").with(accounts.console(dispatcher)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/cases/workbench").with(accounts.console(dispatcher)))
			.andExpect(status().isOk())
			.andExpect(header().stringValues("Vary", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("HX-Request"))));
	}

	@Test
	void aHandlerWithAnHtmxResponseAnnotationKeepsTheStartersInterceptor() throws Exception {
		var starters = new HtmxHandlerInterceptor(null);
		var mapping = new HtmxHandlerMapping.OncePerMethod();
		mapping.setInterceptors(starters);
		mapping.setApplicationContext(new StaticApplicationContext());
		var handlers = new Handlers();
		var request = new MockHttpServletRequest("GET", "/");

		var annotated = mapping.getHandlerExecutionChain(new HandlerMethod(handlers, "triggers"), request);
		var plain = mapping.getHandlerExecutionChain(new HandlerMethod(handlers, "plain"), request);
		var conditionOnly = mapping.getHandlerExecutionChain(new HandlerMethod(handlers, "htmxOnly"), request);

		assertThat(annotated.getInterceptorList()).containsExactly(starters);
		assertThat(plain.getInterceptorList()).singleElement().isInstanceOf(HtmxHandlerMapping.WithoutAnnotations.class);
		assertThat(conditionOnly.getInterceptorList()).singleElement()
			.isInstanceOf(HtmxHandlerMapping.WithoutAnnotations.class);
		// the same lean interceptor every time, not one per request
		assertThat(mapping.getHandlerExecutionChain(new HandlerMethod(handlers, "plain"), request).getInterceptorList())
			.containsExactlyElementsOf(plain.getInterceptorList());
	}

	@Test
	void theLeanInterceptorMarksOnlyHtmxAnswers() throws Exception {
		HandlerInterceptor lean = new HtmxHandlerMapping.WithoutAnnotations(new HtmxHandlerInterceptor(null) {
			@Override
			public void postHandle(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response, Object handler,
					org.springframework.web.servlet.ModelAndView modelAndView) {
				response.addHeader("X-Post", "called");
			}
		});
		var htmx = new MockHttpServletRequest("GET", "/");
		htmx.addHeader("HX-Request", "true");
		var htmxResponse = new org.springframework.mock.web.MockHttpServletResponse();
		var plainResponse = new org.springframework.mock.web.MockHttpServletResponse();

		assertThat(lean.preHandle(htmx, htmxResponse, new Object())).isTrue();
		assertThat(lean.preHandle(new MockHttpServletRequest("GET", "/"), plainResponse, new Object())).isTrue();
		lean.postHandle(htmx, htmxResponse, new Object(), null);

		assertThat(htmxResponse.getHeaders("Vary")).containsExactly("HX-Request");
		assertThat(plainResponse.getHeaders("Vary")).isEmpty();
		assertThat(htmxResponse.getHeader("X-Post")).isEqualTo("called");
	}

	static class Handlers {

		@HxTrigger("refreshed")
		public String triggers() {
			return "x";
		}

		public String plain() {
			return "x";
		}

		@HxRequest
		public String htmxOnly() {
			return "x";
		}

	}

}
