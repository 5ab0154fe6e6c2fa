package io.grassroots.region.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.Jobs;
import io.grassroots.shared.RegionCode;
import io.grassroots.region.Regions;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.grassroots.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The region import page: an upload starts a background job whose progress the page polls; the job's page then
 * shows the report. Uses the made-up province 97, which only this test writes.
 */
@IntegrationTest
class RegionImportPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Jobs jobs;

	@Autowired
	Regions regions;

	@Autowired
	ApplicationContext context;

	TestAccounts accounts;

	TestAccount admin;

	@BeforeEach
	void openAdministrator() {
		accounts = TestAccounts.in(context);
		admin = accounts.open("page-import-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
	}

	@Test
	void anUploadRunsAsAJobAndItsPageShowsTheReport() throws Exception {
		mvc.perform(get("/admin/regions/import").with(accounts.console(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("code,name,cityCode,provinceCode")));

		var checked = start("provinces.csv", "code,name\n97,页面测试省\n", true);
		mvc.perform(get("/admin/regions/import/" + checked).with(accounts.console(admin)))
			.andExpect(content().string(containsString("id=\"import-added\">1<")))
			.andExpect(content().string(containsString("试运行")));
		assertThat(regions.exists(RegionCode.of("970000000000"))).isFalse();

		var imported = start("provinces.csv", "code,name\n97,页面测试省\n", false);
		mvc.perform(get("/admin/regions/import/" + imported).with(accounts.console(admin)))
			.andExpect(content().string(containsString("导入完成")));
		assertThat(regions.exists(RegionCode.of("970000000000"))).isTrue();
	}

	@Test
	void aRefusedUploadListsEveryProblemWithItsFileLineAndColumn() throws Exception {
		var job = start("cities.csv", "code,name,provinceCode\n9701,页面测试市,97\n97X2,<b>坏</b>,97\n", false);
		mvc.perform(get("/admin/regions/import/" + job).with(accounts.console(admin)))
			.andExpect(content().string(containsString("id=\"import-refused\"")))
			.andExpect(content().string(containsString("<td>cities.csv</td><td>3</td><td><code>code</code></td>")))
			.andExpect(content().string(containsString("代码 97X2 不是该文件层级的统计用区划代码。")))
			.andExpect(content().string(not(containsString("<b>坏</b>"))));
		assertThat(regions.exists(RegionCode.of("970100000000"))).isFalse();
	}

	@Test
	void theProgressFragmentSendsTheBrowserToTheReportWhenTheJobIsDone() throws Exception {
		var job = start("provinces.csv", "code,name\n97,页面测试省\n", true);
		mvc.perform(get("/jobs/" + job).with(accounts.console(admin)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Redirect", "/admin/regions/import/" + job))
			.andExpect(content().string(containsString("progress-bar")));
	}

	@Test
	void aJobIsOnlyShownToTheAdministratorWhoStartedIt() throws Exception {
		var job = start("provinces.csv", "code,name\n97,页面测试省\n", true);
		var other = accounts.open("other-import-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "000000000000");
		mvc.perform(get("/admin/regions/import/" + job).with(accounts.console(other))).andExpect(status().isForbidden());
		mvc.perform(get("/jobs/" + job).with(accounts.console(other)).header("HX-Request", "true"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/admin/regions/import/" + UUID.randomUUID()).with(accounts.console(admin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anUploadWithoutFilesIsRefused() throws Exception {
		mvc.perform(multipart("/admin/regions/import").with(accounts.console(admin)).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请至少选择一个文件")));
	}

	private UUID start(String name, String csv, boolean checkOnly) throws Exception {
		var location = mvc.perform(multipart("/admin/regions/import")
			.file(new MockMultipartFile("files", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("checkOnly", String.valueOf(checkOnly))
			.with(accounts.console(admin))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		await().atMost(Duration.ofSeconds(30)).until(() -> jobs.find(id).orElseThrow().finished());
		assertThat(jobs.find(id).orElseThrow().state()).isEqualTo(Jobs.JobState.SUCCEEDED);
		return id;
	}

}
