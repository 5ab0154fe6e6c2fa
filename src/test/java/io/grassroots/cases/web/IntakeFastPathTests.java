package io.grassroots.cases.web;

import java.util.ArrayList;
import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.grassroots.testing.TestAccounts.TestAccount;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code POST /api/cases} as JSON answered by {@link IntakeFastPath} instead of Spring MVC: the same answer as the
 * MVC mapping gives (status, headers, body, problem details, metrics), and every other shape left to Spring MVC.
 * Spring MVC's answer is asked for with {@code application/json;charset=UTF-8}, a shape the fast path leaves to it.
 */
@IntegrationTest
class IntakeFastPathTests {

	static final String THROUGH_MVC = "application/json;charset=UTF-8";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	final JsonMapper json = JsonMapper.builder().build();

	TestAccount dispatcher;

	@BeforeEach
	void dispatcher() {
		dispatcher = TestAccounts.in(context).open("fast-path", Role.DISPATCHER, DataScope.Kind.REGION, "000000000000");
	}

	static String report(String title) {
		return """
				{"channel":"PHONE","title":"%s","description":"楼道里堆满杂物","categoryStandard":"CJT214",
				 "categoryCode":"E0102","longitude":87.272,"latitude":43.992,"community":"652301001001",
				 "reporterName":"王五","reporterPhone":"13700000000"}""".formatted(title);
	}

	MvcResult send(String contentType, String body, String key, Cookie... cookies) throws Exception {
		var request = post("/api/cases").header("Authorization", dispatcher.bearer())
			.header("Accept", "application/json")
			.contentType(contentType)
			.content(body);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return mvc.perform(request).andReturn();
	}

	@Test
	void aJsonReportIsTakenWithoutSpringMvcAndAnsweredAsSpringMvcAnswersIt() throws Exception {
		var fast = send("application/json", report("快-" + UUID.randomUUID()), "fast-" + UUID.randomUUID());
		var slow = send(THROUGH_MVC, report("慢-" + UUID.randomUUID()), "slow-" + UUID.randomUUID());

		assertThat(fast.getHandler()).as("no handler: the DispatcherServlet was not reached").isNull();
		assertThat(slow.getHandler()).isNotNull();
		// the locale is resolved only when a problem's texts ask for it: not on a report taken
		assertThat(fast.getRequest().getAttribute(CookieLocaleResolver.LOCALE_REQUEST_ATTRIBUTE_NAME)).isNull();
		for (var result : new MvcResult[] { fast, slow }) {
			var response = result.getResponse();
			assertThat(response.getStatus()).isEqualTo(201);
			var body = json.readTree(response.getContentAsByteArray());
			assertThat(response.getHeader("Location")).isEqualTo("/api/cases/" + body.get("id").asString());
			assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
		}
		assertThat(fast.getResponse().getHeaderNames()).containsExactlyInAnyOrderElementsOf(slow.getResponse().getHeaderNames());
		for (var name : slow.getResponse().getHeaderNames()) {
			if (!name.equals("Location") && !name.equals("Content-Length")) {
				assertThat(fast.getResponse().getHeaders(name)).as(name).isEqualTo(slow.getResponse().getHeaders(name));
			}
		}
		var fastBody = json.readTree(fast.getResponse().getContentAsByteArray());
		var slowBody = json.readTree(slow.getResponse().getContentAsByteArray());
		assertThat(names(fastBody)).isEqualTo(names(slowBody));
		for (var field : new String[] { "channel", "status", "tier", "category", "urgency", "region", "grid",
				"placement", "suggestedDepartment", "version", "created" }) {
			assertThat(fastBody.get(field)).as(field).isEqualTo(slowBody.get(field));
		}
	}

	@Test
	void theSameKeyAgainAnswers200WithTheFirstCaseOnTheFastPath() throws Exception {
		var key = "again-" + UUID.randomUUID();
		var first = send("application/json", report("再-" + UUID.randomUUID()), key);
		var again = send("application/json", report("再-" + UUID.randomUUID()), key);

		assertThat(again.getHandler()).isNull();
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(again.getResponse().getHeader("Location")).isNull();
		assertThat(json.readTree(again.getResponse().getContentAsByteArray()).get("id"))
			.isEqualTo(json.readTree(first.getResponse().getContentAsByteArray()).get("id"));
	}

	@Test
	void badInputOnTheFastPathIsTheSameProblemDetailAsThroughSpringMvc() throws Exception {
		var title = "坏-" + UUID.randomUUID();
		var bodies = new String[] { "{\"channel\": \"PHONE\", \"title\": ",
				report(title).replace("\"E0102\"", "\"E0102\",\"urgency\":5"),
				report(title).replace("\"categoryStandard\":\"CJT214\",", ""),
				report(title).replace("652301001001", "65230100100X"), "null", "[1, 2]" };
		for (var body : bodies) {
			for (var cookies : new Cookie[][] { {}, { new Cookie("grassroots-lang", "en") } }) {
				var fast = send("application/json", body, null, cookies);
				var slow = send(THROUGH_MVC, body, null, cookies);
				assertThat(fast.getHandler()).as(body).isNull();
				assertThat(fast.getResponse().getStatus()).as(body).isEqualTo(slow.getResponse().getStatus()).isEqualTo(400);
				assertThat(fast.getResponse().getContentType()).as(body).isEqualTo(slow.getResponse().getContentType());
				assertThat(fast.getResponse().getContentAsString()).as(body).isEqualTo(slow.getResponse().getContentAsString());
			}
		}
		assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select count(*) from cases_case where title = :t").param("t", title).query(Long.class).single()).isZero();
	}

	@Test
	void fastPathRequestsAreCountedUnderThePathPattern() throws Exception {
		var search = meters.find("http.server.requests")
			.tags("uri", "/api/cases", "method", "POST", "status", "201", "outcome", "SUCCESS", "exception", "none");
		var before = search.timer() == null ? 0 : search.timer().count();

		var result = send("application/json", report("计-" + UUID.randomUUID()), null);

		assertThat(result.getHandler()).isNull();
		assertThat(search.timer().count()).isEqualTo(before + 1);
	}

	@Test
	void onlyTheCommonShapeIsTakenAndEveryOtherGoesOnToSpringMvc() {
		assertThat(IntakeFastPath.takes(request("POST", "application/json", null, 10))).isTrue();
		assertThat(IntakeFastPath.takes(accept(request("POST", "application/json", null, 10), "*/*"))).isTrue();
		assertThat(IntakeFastPath.takes(request("POST", "application/json", "k", 10))).isTrue();
		assertThat(IntakeFastPath.takes(request("GET", "application/json", null, 10))).isFalse();
		assertThat(IntakeFastPath.takes(request("POST", THROUGH_MVC, null, 10))).isFalse();
		assertThat(IntakeFastPath.takes(request("POST", "multipart/form-data; boundary=x", null, 10))).isFalse();
		assertThat(IntakeFastPath.takes(request("POST", "application/json", null, 0))).isFalse();
		assertThat(IntakeFastPath.takes(accept(request("POST", "application/json", null, 10), "application/xml")))
			.isFalse();
		var twoKeys = request("POST", "application/json", "a", 10);
		twoKeys.addHeader("Idempotency-Key", "b");
		assertThat(IntakeFastPath.takes(twoKeys)).isFalse();
		var language = request("POST", "application/json", null, 10);
		language.setQueryString("lang=en");
		assertThat(IntakeFastPath.takes(language)).isFalse();
		var other = request("POST", "application/json", null, 10);
		other.setRequestURI("/api/cases/");
		assertThat(IntakeFastPath.takes(other)).isFalse();
	}

	static MockHttpServletRequest request(String method, String contentType, String key, int length) {
		var request = new MockHttpServletRequest(method, "/api/cases");
		request.setContentType(contentType);
		request.setContent(new byte[length]);
		if (key != null) {
			request.addHeader("Idempotency-Key", key);
		}
		return request;
	}

	static MockHttpServletRequest accept(MockHttpServletRequest request, String accept) {
		request.addHeader("Accept", accept);
		return request;
	}

	static java.util.List<String> names(JsonNode node) {
		var names = new ArrayList<String>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
