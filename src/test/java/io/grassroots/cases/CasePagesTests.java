package io.grassroots.cases;

import java.util.List;
import java.util.UUID;

import io.grassroots.region.DepartmentKind;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The work places and pages render for their roles, and their forms drive the same transitions as the API. */
@IntegrationTest
class CasePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseTesting testing;

	RequestPostProcessor as(String username) {
		return user(accounts.loadUserByUsername(username));
	}

	@Test
	void everyWorkPlaceRendersForItsRole() throws Exception {
		var reported = cases.report(testing.demo("dispatcher"), CaseTesting.vendorReport(null));
		mvc.perform(get("/cases/workbench").with(as("dispatcher"))).andExpect(status().isOk())
			.andExpect(content().string(containsString(reported.trackingCode())));
		for (var queue : List.of("FILED_QUEUE", "EXTENSIONS", "LOWER_TIERS", "CLOSED_QUEUE")) {
			mvc.perform(get("/cases/workbench").param("queue", queue).with(as("dispatcher"))).andExpect(status().isOk());
		}
		mvc.perform(get("/cases/places/workbench/rows").param("queue", "NEW").header("HX-Request", "true")
			.with(as("dispatcher"))).andExpect(status().isOk()).andExpect(content().string(containsString("quick-")));
		mvc.perform(get("/cases/inbox").with(as("handler"))).andExpect(status().isOk());
		mvc.perform(get("/cases/community").with(as("community"))).andExpect(status().isOk());
		mvc.perform(get("/cases").param("q", reported.trackingCode()).with(as("supervisor"))).andExpect(status().isOk())
			.andExpect(content().string(containsString(reported.trackingCode())));
		mvc.perform(get("/m/tasks").with(as("gridworker"))).andExpect(status().isOk());
		mvc.perform(get("/m/report").with(as("gridworker"))).andExpect(status().isOk());
		mvc.perform(get("/cases/new").with(as("dispatcher"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"key\"")));
		mvc.perform(get("/admin/categories").with(as("admin"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("私搭乱建")));
		mvc.perform(get("/admin/time-limits").with(as("admin"))).andExpect(status().isOk());
		mvc.perform(get("/admin/time-limits").with(as("dispatcher"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/workbench").param("queue", "NOPE").with(as("dispatcher"))).andExpect(status().isBadRequest());
	}

	@Test
	void theCasePageOffersExactlyTheViewersActions() throws Exception {
		var reported = cases.report(testing.demo("dispatcher"), CaseTesting.vendorReport(null));
		mvc.perform(get("/cases/" + reported.id()).with(as("dispatcher"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("form-file")))
			.andExpect(content().string(containsString("13912345678")))
			.andExpect(content().string(not(containsString("form-claim"))));
		mvc.perform(get("/cases/" + reported.id()).with(as("supervisor"))).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("form-file"))))
			.andExpect(content().string(containsString("139****5678")));
		mvc.perform(get("/cases/" + reported.id()).with(as("handler"))).andExpect(status().isForbidden());
		mvc.perform(get("/cases/" + UUID.randomUUID()).with(as("dispatcher"))).andExpect(status().isNotFound());
	}

	@Test
	void formsDriveTheLoopAndAOneClickDispatch() throws Exception {
		var title = "页面-" + UUID.randomUUID().toString().substring(0, 8);
		var result = mvc.perform(multipart("/cases/new").param("channel", "PHONE").param("title", title)
			.param("description", "店外经营").param("category", "CJT214:E0503").param("community", "652301001001")
			.param("key", UUID.randomUUID().toString()).header("HX-Request", "true").with(as("dispatcher")).with(csrf()))
			.andExpect(status().isOk()).andExpect(header().exists("HX-Redirect")).andReturn();
		var id = CaseId.of(result.getResponse().getHeader("HX-Redirect").substring("/cases/".length()));
		mvc.perform(post("/cases/" + id + "/quick-dispatch").param("version", "0").header("HX-Request", "true")
			.with(as("dispatcher")).with(csrf())).andExpect(status().isOk()).andExpect(header().string("HX-Redirect", "/cases/workbench?queue=DISPATCHED_QUEUE"));
		var urban = CaseTesting.handlerOf(testing.department(DepartmentKind.URBAN_MANAGEMENT));
		var view = cases.claim(urban, id, 2);
		assertThat(view.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		mvc.perform(post("/cases/" + id + "/actions/request-extension").param("version", "3").param("amount", "2")
			.param("unit", "WORKING_DAYS").param("reason", "待联合执法").with(as("dispatcher")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/cases/" + id + "/actions/park").param("version", "3").param("reason", "等待规划")
			.with(as("dispatcher")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/cases/" + id));
		mvc.perform(multipart("/cases/" + id + "/actions/report-back").param("version", "4").param("result", "已劝导")
			.header("HX-Request", "true").with(as("dispatcher")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/cases/" + id + "/actions/report-back").param("version", "4").param("result", "已劝导")
			.with(user(accounts.loadUserByUsername("dispatcher"))).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(multipart("/cases/" + id + "/actions/file").param("version", "abc").header("HX-Request", "true")
			.with(as("dispatcher")).with(csrf())).andExpect(status().isBadRequest());
	}

	@Test
	void residentsReportAndFollowOnPublicPages() throws Exception {
		mvc.perform(get("/public/report")).andExpect(status().isOk())
			.andExpect(content().string(containsString("public-report")));
		var result = mvc.perform(multipart("/public/report").file(new MockMultipartFile("photos", "lamp.png", "image/png",
				CaseTesting.PNG)).param("title", "路灯不亮").param("description", "小区门口路灯坏了三天")
			.param("category", "MATTERS:010105").param("community", "652301001001").param("reporterPhone", "13600000000")
			.param("key", UUID.randomUUID().toString()).header("HX-Request", "true").with(csrf())
			.with(request -> { request.setRemoteAddr("10.77.0.1"); return request; }))
			.andExpect(status().isOk()).andReturn();
		var track = result.getResponse().getHeader("HX-Redirect");
		assertThat(track).startsWith("/public/track/");
		mvc.perform(get(track)).andExpect(status().isOk()).andExpect(content().string(containsString("track-steps")))
			.andExpect(content().string(not(containsString("13600000000"))));
		mvc.perform(get("/public/track/NOSUCHCODE")).andExpect(status().isNotFound());
	}

}
