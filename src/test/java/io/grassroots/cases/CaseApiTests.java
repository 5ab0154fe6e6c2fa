package io.grassroots.cases;

import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API of cases, with good and bad input: every refusal is a problem detail and changes nothing. */
@IntegrationTest
class CaseApiTests {

	static final AtomicInteger ADDRESSES = new AtomicInteger(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	final JsonMapper json = JsonMapper.builder().build();

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	/** A fresh client address, so that the public rate limit of one test does not hit another. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String freshAddress() {
		return "10.9." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.getAndIncrement() % 250 + 1);
	}

	static String report(String title) {
		return """
				{"channel":"PHONE","title":"%s","description":"楼道里堆满杂物","categoryStandard":"CJT214",
				 "categoryCode":"E0102","longitude":87.272,"latitude":43.992,"community":"652301001001",
				 "reporterName":"王五","reporterPhone":"13700000000"}""".formatted(title);
	}

	long casesTitled(String title) {
		return jdbc.sql("select count(*) from cases_case where title = :t").param("t", title).query(Long.class).single();
	}

	@Test
	void theSameIdempotencyKeyAnswersTheFirstCase() throws Exception {
		var title = "堆物-" + UUID.randomUUID().toString().substring(0, 8);
		var key = UUID.randomUUID().toString();
		var first = mvc.perform(post("/api/cases").with(as("dispatcher")).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content(report(title)))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.status").value("REPORTED"))
			.andReturn().getResponse().getContentAsString();
		var again = mvc.perform(post("/api/cases").with(as("dispatcher")).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content(report(title)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(json.readTree(again).get("id")).isEqualTo(json.readTree(first).get("id"));
		assertThat(casesTitled(title)).isEqualTo(1);
	}

	@Test
	void badReportsAreRefusedWithProblemDetailsAndNothingIsStored() throws Exception {
		var title = "坏-" + UUID.randomUUID().toString().substring(0, 8);
		post400("{\"channel\": \"PHONE\", \"title\": ", "malformed");
		post400(report(title).replace("\"E0102\"", "\"E0102\",\"urgency\":5"), "urgency");
		post400(report(title).replace("87.272", "\"east\""), "longitude");
		post400(report(title).replace("\"PHONE\"", "\"CARRIER_PIGEON\""), "channel");
		post400(report(title).replace("87.272", "0").replace("43.992", "0"), "longitude");
		post400(report(title).replace("43.992", "143.992"), "longitude");
		post400(report(title).replace("\"longitude\":87.272,", ""), "longitude");
		post400(report("x".repeat(101)), "title");
		post400(report(title).replace("楼道里堆满杂物", "很长".repeat(1001)), "description");
		post400(report(title).replace("E0102", "NO-SUCH"), "category");
		post400(report(title).replace("652301001001", "65230100"), "community");
		post400(report(title).replace("13700000000", "call me maybe"), "reporterPhone");
		assertThat(casesTitled(title)).isZero();
	}

	@Test
	void photosAreCheckedByContentAndSize() throws Exception {
		var title = "照片-" + UUID.randomUUID().toString().substring(0, 8);
		var request = new MockMultipartFile("case", "", "application/json", report(title).getBytes());
		var fake = new MockMultipartFile("photos", "photo.jpg", "image/jpeg", "this is text, not a picture".getBytes());
		mvc.perform(multipart("/api/cases").file(request).file(fake).with(as("dispatcher")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("photos[0]"));
		var huge = new byte[6 * 1024 * 1024];
		System.arraycopy(CaseTesting.PNG, 0, huge, 0, CaseTesting.PNG.length);
		mvc.perform(multipart("/api/cases").file(request).file(new MockMultipartFile("photos", "big.png", "image/png", huge))
			.with(as("dispatcher")))
			.andExpect(status().isBadRequest());
		assertThat(casesTitled(title)).isZero();
		mvc.perform(multipart("/api/cases").file(request)
			.file(new MockMultipartFile("photos", "named-wrong.txt", "text/plain", CaseTesting.PNG))
			.with(as("dispatcher")))
			.andExpect(status().isCreated());
		assertThat(casesTitled(title)).isEqualTo(1);
	}

	@Test
	void transitionsRefuseWhatTheStateTableOrTheVersionDoesNotAllow() throws Exception {
		var created = json.readTree(mvc.perform(post("/api/cases").with(as("dispatcher"))
			.contentType(MediaType.APPLICATION_JSON).content(report("流程-" + UUID.randomUUID().toString().substring(0, 8))))
			.andReturn().getResponse().getContentAsString());
		var id = created.get("id").asString();
		mvc.perform(post("/api/cases/" + id + "/claim").with(as("handler")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/cases/" + id + "/verify").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0, \"passed\": true}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(post("/api/cases/" + id + "/file").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 7, \"categoryStandard\": \"CJT214\", \"categoryCode\": \"E0102\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("0")));
		mvc.perform(post("/api/cases/" + id + "/file").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"categoryStandard\": \"CJT214\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/cases/" + id + "/teleport").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/cases/" + id + "/reject").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].where").value("reason"));
		mvc.perform(get("/api/cases/" + id).with(as("dispatcher"))).andExpect(jsonPath("$.summary.status").value("REPORTED"))
			.andExpect(jsonPath("$.summary.version").value(0));
	}

	@Test
	void badTransitionInputIsRefusedAndChangesNothing() throws Exception {
		var created = json.readTree(mvc.perform(post("/api/cases").with(as("dispatcher"))
			.contentType(MediaType.APPLICATION_JSON).content(report("输入-" + UUID.randomUUID().toString().substring(0, 8))))
			.andReturn().getResponse().getContentAsString());
		var id = created.get("id").asString();
		act(id, "file", "{\"version\": 0, \"categoryStandard\": \"CJT214\", \"categoryCode\": \"E0102\"}", 200);
		act(id, "dispatch", "{\"version\": 1, \"lead\": \"" + UUID.randomUUID() + "\"}", 400);
		act(id, "dispatch", "{\"version\": 1, \"lead\": \"not-a-uuid\"}", 400);
		act(id, "dispatch", "{\"version\": 1}", 400);
		act(id, "merge", "{\"version\": 1, \"into\": \"NOSUCHCASE\"}", 400);
		act(id, "merge", "{\"version\": 1, \"into\": \"" + id + "\"}", 422);
		act(id, "reject", "{\"version\": 1, \"reason\": \"" + "长".repeat(1001) + "\"}", 400);
		act(id, "request-extension", "{\"version\": 1, \"amount\": -3, \"unit\": \"WORKING_DAYS\", \"reason\": \"x\"}", 400);
		act(id, "evaluate", "{\"version\": 1, \"rating\": \"AMAZING\"}", 400);
		act(id, "evaluate", "{\"version\": 1, \"rating\": \"SATISFIED\"}", 422);
		act(id, "assign-down", "{\"version\": 1, \"to\": \"STREET\"}", 422);
		mvc.perform(get("/api/cases/" + id).with(as("dispatcher"))).andExpect(jsonPath("$.summary.status").value("FILED"))
			.andExpect(jsonPath("$.summary.version").value(1));
		mvc.perform(post("/api/public/cases/" + created.get("trackingCode").asString() + "/evaluation")
			.with(from(freshAddress())).contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"NO_REPLY\"}"))
			.andExpect(status().isBadRequest());
	}

	void act(String id, String action, String body, int expected) throws Exception {
		mvc.perform(post("/api/cases/" + id + "/" + action).with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().is(expected));
	}

	@Test
	void unknownAndMalformedIdsAreNotFoundOrBadRequests() throws Exception {
		mvc.perform(get("/api/cases/" + UUID.randomUUID()).with(as("dispatcher"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/cases/not-a-uuid").with(as("dispatcher"))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/cases/" + UUID.randomUUID() + "/claim").with(as("handler"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"version\": 0}")).andExpect(status().isNotFound());
		mvc.perform(get("/api/cases").param("status", "SLEEPING").with(as("dispatcher"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/cases")).andExpect(status().isUnauthorized());
	}

	@Test
	void residentsReportTrackAndRateWithoutSigningIn() throws Exception {
		var address = freshAddress();
		var receipt = json.readTree(mvc.perform(post("/api/public/cases").with(from(address))
			.contentType(MediaType.APPLICATION_JSON).content(report("路灯不亮-" + UUID.randomUUID().toString().substring(0, 6))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString());
		var code = receipt.get("trackingCode").asString();
		mvc.perform(get("/api/public/cases/" + code)).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REPORTED"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("13700000000"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("王五"))));
		mvc.perform(post("/api/public/cases/" + code + "/evaluation").with(from(address))
			.contentType(MediaType.APPLICATION_JSON).content("{\"rating\":\"SATISFIED\",\"resolved\":true}"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(get("/api/public/cases/NOSUCHCODE")).andExpect(status().isNotFound());
	}

	@Test
	void aNewCodeHasFourteenCharactersAndATenCharacterCodeMadeBeforeStillTracksItsCase() throws Exception {
		var address = freshAddress();
		var title = "井盖缺失-" + UUID.randomUUID().toString().substring(0, 6);
		var receipt = json.readTree(mvc.perform(post("/api/public/cases").with(from(address))
			.contentType(MediaType.APPLICATION_JSON).content(report(title)))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString());
		assertThat(receipt.get("trackingCode").asString()).matches("[23456789A-HJKMNP-Z]{14}");
		// a code of ten random characters, as cases reported before 2026-12-06 have (decision 0022, amended by wal4)
		var old = new Random().ints(10, 0, 31)
			.mapToObj(i -> String.valueOf("23456789ABCDEFGHJKMNPQRSTUVWXYZ".charAt(i)))
			.collect(Collectors.joining());
		jdbc.sql("update cases_case set tracking_code = :old where title = :t").param("old", old).param("t", title).update();

		mvc.perform(get("/api/public/cases/" + old)).andExpect(status().isOk())
			.andExpect(jsonPath("$.trackingCode").value(old))
			.andExpect(jsonPath("$.status").value("REPORTED"));
		mvc.perform(get("/api/public/cases/" + old + "X")).andExpect(status().isNotFound());
	}

	@Test
	void publicIntakeIsRateAndSizeLimited() throws Exception {
		var address = freshAddress();
		mvc.perform(post("/api/public/cases").with(from(address)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"" + "长".repeat(9_000_000) + "\"}")).andExpect(status().isPayloadTooLarge());
		var refused = 0;
		for (var i = 0; i < 15; i++) {
			var status = mvc.perform(post("/api/public/cases").with(from(address)).contentType(MediaType.APPLICATION_JSON)
				.content("{}")).andReturn().getResponse().getStatus();
			refused += status == 429 ? 1 : 0;
		}
		assertThat(refused).isGreaterThanOrEqualTo(5);
	}

	void post400(String body, String where) throws Exception {
		var result = mvc.perform(post("/api/cases").with(as("dispatcher")).contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andReturn().getResponse().getContentAsString();
		if (!"malformed".equals(where)) {
			assertThat(result).contains(where);
		}
	}

}
