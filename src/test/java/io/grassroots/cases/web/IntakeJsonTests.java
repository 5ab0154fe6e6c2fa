package io.grassroots.cases.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.StepDeadline;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The intake's own JSON converter: the same JSON and the same problem details as Spring's Jackson converter, the
 * answer written whole with its length, and every other type left to Spring's converter.
 */
@IntegrationTest
class IntakeJsonTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JsonMapper json;

	@Autowired
	IntakeJson converter;

	RequestPostProcessor dispatcher() {
		return user(accounts.loadUserByUsername("dispatcher"));
	}

	static String report(String title, String extra) {
		return """
				{"channel":"PHONE","title":"%s","description":"井盖破损","categoryStandard":"CJT214","categoryCode":"E0102",
				 "longitude":87.272,"latitude":43.992,"community":"652301001001","reporterName":"赵六",
				 "reporterPhone":"13700000001"%s}""".formatted(title, extra);
	}

	@Test
	void theAnswerIsTheMappersJsonOfTheSummaryWithItsLength() throws Exception {
		var response = mvc.perform(post("/api/cases").with(dispatcher()).header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
			.content(report("长度-" + UUID.randomUUID().toString().substring(0, 8), "")))
			.andExpect(status().isCreated())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andReturn().getResponse();
		var body = response.getContentAsByteArray();
		assertThat(response.getContentLength()).isEqualTo(body.length);
		var summary = json.readValue(body, CaseSummary.class);
		assertThat(json.readTree(body)).isEqualTo(json.readTree(json.writeValueAsBytes(summary)));
		assertThat(json.readTree(body).get("deadline").get("dueAt").isString()).isTrue();
		assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"placement\":").contains("\"created\":true");
	}

	@Test
	void theAnswersBytesAreTheMappersForEveryKindOfInstantAndTheThreadsBufferIsReused() throws Exception {
		var body = mvc.perform(post("/api/cases").with(dispatcher()).contentType(MediaType.APPLICATION_JSON)
			.content(report("字节-" + UUID.randomUUID().toString().substring(0, 8), "")))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsByteArray();
		var summary = json.readValue(body, CaseSummary.class);
		assertThat(body).isEqualTo(json.writeValueAsBytes(summary));
		var instants = List.of(Instant.parse("2026-12-07T08:30:00Z"), Instant.parse("2026-12-07T08:30:00.100Z"),
				Instant.parse("2026-12-07T08:30:00.000120Z"), Instant.parse("2026-12-07T08:30:00.123456789Z"),
				Instant.EPOCH, Instant.parse("1969-12-31T23:59:59.000000001Z"), Instant.parse("0000-01-01T00:00:00Z"),
				Instant.ofEpochSecond(-62_167_219_201L), Instant.ofEpochSecond(253_402_300_800L, 500_000_000), Instant.MAX,
				Instant.MIN);
		for (var warn : instants) {
			for (var due : List.of(warn, Instant.parse("2031-02-28T23:59:59.999Z"))) {
				var variant = new CaseSummary(summary.id(), summary.trackingCode(), summary.channel(), summary.status(),
						summary.tier(), "标题 \"引号\" \u2028 " + warn, summary.category(), summary.urgency(),
						summary.region(), summary.grid(), summary.placement(), summary.suggestedDepartment(),
						summary.leadDepartment(), summary.suspectedDuplicate(),
						new StepDeadline(summary.deadline().step(), warn, due), summary.light(), summary.version(), false);
				var written = new ByteArrayOutputStream();
				converter.summary(variant).writeTo(written);
				assertThat(written.toByteArray()).as("%s / %s", warn, due).isEqualTo(json.writeValueAsBytes(variant));
				assertThat(converter.summary(variant).size()).isEqualTo(written.size());
			}
		}
		// an answer larger than the kept buffer, then a small one: each whole, the small one in a fresh buffer
		var long1 = new CaseSummary(summary.id(), summary.trackingCode(), summary.channel(), summary.status(),
				summary.tier(), "长".repeat(20_000), summary.category(), summary.urgency(), summary.region(), summary.grid(),
				summary.placement(), summary.suggestedDepartment(), summary.leadDepartment(), summary.suspectedDuplicate(),
				summary.deadline(), summary.light(), summary.version(), true);
		for (var s : List.of(long1, summary, long1, summary)) {
			var written = new ByteArrayOutputStream();
			converter.summary(s).writeTo(written);
			assertThat(written.toByteArray()).isEqualTo(json.writeValueAsBytes(s));
		}
		assertThat(IntakeJson.InstantAsText.writesAsTheMapper(json)).isTrue();
		assertThat(IntakeJson.UuidInScratch.writesAsTheMapper(json)).isTrue();
		assertThat(IntakeJson.answerMapper(json)).isNotSameAs(json);
		var timestamps = json.rebuild().enable(tools.jackson.databind.cfg.DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();
		assertThat(IntakeJson.InstantAsText.writesAsTheMapper(timestamps)).isFalse();
		var answers = IntakeJson.answerMapper(timestamps);
		assertThat(answers.writeValueAsString(summary)).isEqualTo(timestamps.writeValueAsString(summary));
		assertThat(answers.writeValueAsString(summary)).isNotEqualTo(json.writeValueAsString(summary));
		// every UUID of every shape: ours writes Jackson's text
		var uuids = IntakeJson.answerMapper(json);
		var random = new java.util.Random(49);
		for (var i = 0; i < 2_000; i++) {
			var uuid = i % 2 == 0 ? UUID.randomUUID() : new UUID(random.nextLong(), random.nextLong());
			assertThat(uuids.writeValueAsString(uuid)).isEqualTo(json.writeValueAsString(uuid));
		}
	}

	@Test
	void anyAcceptedJsonAndACharsetInTheRequestAreUnderstood() throws Exception {
		mvc.perform(post("/api/cases").with(dispatcher()).contentType("application/json;charset=UTF-8")
			.accept(MediaType.ALL).content(report("编码-" + UUID.randomUUID().toString().substring(0, 8), "")))
			.andExpect(status().isCreated())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.status").value("REPORTED"));
	}

	@Test
	void unknownFieldsAreIgnoredAsBefore() throws Exception {
		mvc.perform(post("/api/cases").with(dispatcher()).contentType(MediaType.APPLICATION_JSON)
			.content(report("未知-" + UUID.randomUUID().toString().substring(0, 8), ",\"colour\":\"red\",\"extra\":{\"a\":[1]}")))
			.andExpect(status().isCreated());
	}

	@Test
	void malformedJsonAndWrongTypesAreProblemDetailsThatSayWhere() throws Exception {
		mvc.perform(post("/api/cases").with(dispatcher()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"channel\": \"PHONE\",\n \"title\": }"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail", containsString("JSON 格式错误")))
			.andExpect(jsonPath("$.detail", containsString("2")));
		mvc.perform(post("/api/cases").with(dispatcher()).contentType(MediaType.APPLICATION_JSON)
			.content(report("类型", "").replace("\"PHONE\"", "[\"PHONE\"]")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].where").value("channel"));
		mvc.perform(post("/api/cases").with(dispatcher()).contentType(MediaType.APPLICATION_JSON).content(""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
	}

	@Test
	void onlyTheIntakeRequestAndTheSummaryAreItsOwn() {
		assertThat(converter.canRead(IntakeRequest.class, MediaType.APPLICATION_JSON)).isTrue();
		assertThat(converter.canRead(IntakeRequest.class, MediaType.TEXT_PLAIN)).isFalse();
		assertThat(converter.canRead(ActionRequest.class, MediaType.APPLICATION_JSON)).isFalse();
		assertThat(converter.canRead(CaseSummary.class, MediaType.APPLICATION_JSON)).isFalse();
		assertThat(converter.canWrite(CaseSummary.class, MediaType.APPLICATION_JSON)).isTrue();
		assertThat(converter.canWrite(CaseSummary.class, MediaType.ALL)).isTrue();
		assertThat(converter.canWrite(CaseSummary.class, MediaType.APPLICATION_XML)).isFalse();
		assertThat(converter.canWrite(CaseSummary.class, MediaType.parseMediaType("application/json;charset=ISO-8859-1")))
			.isFalse();
		assertThat(converter.canWrite(IntakeRequest.class, MediaType.APPLICATION_JSON)).isFalse();
		assertThat(converter.canWrite(String.class, MediaType.APPLICATION_JSON)).isFalse();
	}

	@Test
	void theIntakeRequestReadIsTheMappersAndOtherTypesKeepJacksonsInstantiator() throws Exception {
		var body = report("构造-1", ",\"urgency\":\"URGENT\",\"anonymous\":true,\"confidential\":false,\"address\":\"北京路 1 号\"");
		var read = converter.read(IntakeRequest.class, new org.springframework.mock.http.MockHttpInputMessage(
				body.getBytes(StandardCharsets.UTF_8)));
		assertThat(read).isEqualTo(json.readValue(body, IntakeRequest.class));
		var instantiator = new tools.jackson.databind.deser.std.StdValueInstantiator(json.deserializationConfig(),
				json.constructType(IntakeRequest.class));
		// without a creator (or for another package's type, or a class that is not a record) Jackson's stays
		assertThat(IntakeJson.DirectConstructor.of(instantiator)).isSameAs(instantiator);
		var other = new tools.jackson.databind.deser.std.StdValueInstantiator(json.deserializationConfig(),
				json.constructType(CaseSummary.class));
		assertThat(IntakeJson.DirectConstructor.of(other)).isSameAs(other);
	}

}
