package io.grassroots.cases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import io.grassroots.audit.AuditTrail;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentKind;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Category standards load beside each other; a broken file changes nothing. The three-level tree of the 2020 TipDM
 * contest (which may not be republished, so it is never copied into the project) loads from the shared data folder
 * when that folder is present.
 */
@IntegrationTest
class CategoryImportTests {

	static final Path CONTEST_TREE = Path.of("/work/shared/data/complaints/teddycup2020-c/附件1_labels.csv");

	@Autowired
	Categories categories;

	@Autowired
	TimeLimits limits;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSeedStandardsAreLoadedWithTheirDepartments() {
		assertThat(categories.standards()).extracting(CategoryStandard::code).contains("CJT214", "MATTERS");
		assertThat(categories.departmentKind(new CategoryKey("CJT214", "E0501"))).contains(DepartmentKind.MARKET_SUPERVISION);
		assertThat(categories.path(new CategoryKey("MATTERS", "010101"))).isEqualTo("城乡建设与管理 › 市政设施 › 供水");
	}

	@Test
	void theContestsThreeLevelTreeLoadsBesideTheOthers() throws Exception {
		Assumptions.assumeTrue(Files.isReadable(CONTEST_TREE),
				"Skipped: " + CONTEST_TREE + " is not here (contest data, kept outside the project)");
		var standard = "TIPDM2020-" + UUID.randomUUID().toString().substring(0, 6);
		var report = categories.importStandard(Actor.system(), standard, "泰迪杯 2020 留言分类（测试）",
				CONTEST_TREE.getFileName().toString(), Files.readAllBytes(CONTEST_TREE));
		assertThat(report.refused()).isEmpty();
		var loaded = categories.of(standard);
		assertThat(loaded.stream().filter(c -> c.depth() == 1)).hasSize(15);
		assertThat(loaded.stream().filter(c -> c.depth() == 3).count()).isGreaterThan(400);
		assertThat(loaded).allSatisfy(c -> assertThat(c.departmentKind()).isNotNull());
		assertThat(categories.of("CJT214")).isNotEmpty();
	}

	@Test
	void aNewEditionUpdatesAndRetiresButNeverDeletes() {
		var standard = "GBT47678.5-" + UUID.randomUUID().toString().substring(0, 6);
		var first = "code,parent,name,department_kind\nE,,事件,\nE01,E,市容环境,URBAN_MANAGEMENT\nE0101,E01,私搭乱建,\n";
		var second = "code,parent,name,department_kind\nE,,事件,\nE01,E,市容市貌,URBAN_MANAGEMENT\n";
		assertThat(categories.importStandard(Actor.system(), standard, "新标准", "a.csv", first.getBytes()).added()).isEqualTo(3);
		var report = categories.importStandard(Actor.system(), standard, "新标准", "b.csv", second.getBytes());
		assertThat(report.changed()).isEqualTo(2);
		assertThat(categories.find(new CategoryKey(standard, "E0101"))).hasValueSatisfying(c -> assertThat(c.active()).isFalse());
		assertThat(categories.departmentKind(new CategoryKey(standard, "E0101"))).contains(DepartmentKind.URBAN_MANAGEMENT);
	}

	@Test
	void brokenCategoryFilesAreRefusedWhole() throws Exception {
		var standard = "BROKEN-" + UUID.randomUUID().toString().substring(0, 6);
		var bad = "code,parent,name,department_kind\nE,,事件,\nX01,E,不以上级开头,\nE02,E,,URBAN_MANAGEMENT\nE03,E,部门不对,POLICE\n";
		mvc.perform(multipart("/api/categories/import").file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes()))
			.param("standard", standard).param("title", "坏文件").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.length()").value(3));
		mvc.perform(multipart("/api/categories/import").file(new MockMultipartFile("file", "x.csv", "text/csv", new byte[] { (byte) 0xff, 0x00 }))
			.param("standard", standard).param("title", "二进制").with(user(accounts.loadUserByUsername("admin"))))
			.andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/categories/import").file(new MockMultipartFile("file", "ok.csv", "text/csv", "a,b\n1,2\n".getBytes()))
			.param("standard", standard).param("title", "布局").with(user(accounts.loadUserByUsername("dispatcher"))))
			.andExpect(status().isForbidden());
		assertThat(categories.standards()).extracting(CategoryStandard::code).doesNotContain(standard);
	}

	@Test
	void administratorsEditTheTimeLimitTable() throws Exception {
		var admin = user(accounts.loadUserByUsername("admin"));
		var created = mvc.perform(post("/api/time-limits").with(admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"categoryStandard\":\"CJT214\",\"categoryCode\":\"P0110\",\"step\":\"HANDLE\",\"amount\":4,\"unit\":\"WORKING_HOURS\"}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		var id = created.replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(limits.limitFor(new CategoryKey("CJT214", "P0110"), Urgency.NORMAL, java.util.Set.of(), Step.HANDLE).amount())
			.isEqualTo(4);
		mvc.perform(put("/api/time-limits/" + id).with(admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"step\":\"HANDLE\",\"amount\":4,\"unit\":\"WORKING_HOURS\",\"version\":7}")).andExpect(status().isConflict());
		mvc.perform(post("/api/time-limits").with(admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"step\":\"HANDLE\",\"amount\":-1,\"unit\":\"WORKING_HOURS\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/time-limits").with(admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"step\":\"LUNCH\",\"amount\":1,\"unit\":\"WORKING_HOURS\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/time-limits").with(user(accounts.loadUserByUsername("supervisor")))
			.contentType(MediaType.APPLICATION_JSON).content("{\"step\":\"HANDLE\",\"amount\":1,\"unit\":\"MINUTES\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(delete("/api/time-limits/" + id).with(admin)).andExpect(status().isNoContent());
		mvc.perform(delete("/api/time-limits/" + UUID.randomUUID()).with(admin)).andExpect(status().isNotFound());
	}

	@Test
	void aTimeLimitChangeCommitsWithItsHistoryEntryOrNeitherIsKept() {
		var admin = new Actor(Actor.system().id(), "admin", "admin", Set.of(Role.ADMINISTRATOR), DataScope.everything());
		var entries = audit.stream("timelimits").size();
		var rule = new TimeLimitRule(null, new CategoryKey("CJT214", "P0111"), Urgency.URGENT, null, Step.CLAIM,
				TimeLimit.minutes(17), 0);

		transactions.executeWithoutResult(status -> {
			limits.save(admin, rule);
			status.setRollbackOnly();
		});
		// the table (the rules in memory: CaseSettingsTests)
		assertThat(jdbc.sql("select count(*) from cases_time_limit where category_code = 'P0111' and amount = 17")
			.query(Integer.class).single()).isZero();
		assertThat(audit.stream("timelimits")).hasSize(entries);

		var saved = limits.save(admin, rule);
		assertThat(limits.rules()).anyMatch(r -> r.id().equals(saved.id()));
		assertThat(audit.stream("timelimits")).hasSize(entries + 1);
		limits.remove(admin, saved.id());
		assertThat(audit.stream("timelimits")).hasSize(entries + 2);
	}

	@Test
	void theLookUpsOfEveryTransitionAreCalledWithoutAProxy() {
		// an annotated method (@Transactional, @Cacheable …) would make each of them a proxy again, and every call of
		// a transition would go through its interceptor look-up (bench/RESULTS.md, lifecycle, 2026-12-04 night)
		assertThat(AopUtils.isAopProxy(categories)).isFalse();
		assertThat(AopUtils.isAopProxy(limits)).isFalse();
		assertThat(AopUtils.isAopProxy(audit)).isFalse();
	}

}
