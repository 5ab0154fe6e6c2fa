package io.grassroots.region.web;

import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestAccounts;
import io.grassroots.testing.TestAccounts.TestAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registers of departments and party organisations, and the region pages that show them: everybody reads those
 * of their scope, administrators add and change them through the console forms.
 */
@IntegrationTest
class RegisterConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Departments departments;

	TestAccounts accounts;

	TestAccount admin;

	@BeforeEach
	void openAdministrator() {
		accounts = TestAccounts.in(context);
		admin = accounts.open("register-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, "652301000000");
	}

	@Test
	void anAdministratorRegistersADepartmentAndChangesItAgainstItsVersion() throws Exception {
		var name = "昌吉市测试局" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(post("/departments").with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("region", "652301000000")
			.param("kind", "URBAN_MANAGEMENT")
			.param("name", name)
			.param("phone", "0994-0000000"))
			.andExpect(header().string("HX-Redirect", "/departments"));
		var registered = departments.visible(DataScope.region(RegionCode.of("652301000000")))
			.stream()
			.filter(d -> d.name().equals(name))
			.findFirst()
			.orElseThrow();
		mvc.perform(get("/departments").with(accounts.console(admin)))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("/departments/" + registered.id() + "/edit")));
		mvc.perform(get("/departments/" + registered.id() + "/edit").with(accounts.console(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0994-0000000")));

		var change = post("/departments/" + registered.id()).with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("region", "652301000000")
			.param("kind", "URBAN_MANAGEMENT")
			.param("name", name + "（新）")
			.param("version", String.valueOf(registered.version()));
		mvc.perform(change).andExpect(header().string("HX-Redirect", "/departments"));
		mvc.perform(change).andExpect(status().isConflict());
		assertThat(departments.find(registered.id())).get().extracting(DepartmentView::name).isEqualTo(name + "（新）");
	}

	@Test
	void otherRolesReadTheDepartmentsOfTheirScopeButCannotAddAny() throws Exception {
		var dispatcher = accounts.open("register-reader", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		mvc.perform(get("/departments").with(accounts.console(dispatcher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("昌吉市市场监督管理局")))
			.andExpect(content().string(not(containsString("阜康市市场监督管理局"))))
			.andExpect(content().string(not(containsString("/departments/new"))));
		mvc.perform(get("/departments/new").with(accounts.console(dispatcher))).andExpect(status().isForbidden());
		mvc.perform(post("/departments").with(accounts.console(dispatcher))
			.with(csrf())
			.param("region", "652301000000")
			.param("kind", "OTHER")
			.param("name", "越权登记的部门")).andExpect(status().isForbidden());
	}

	@Test
	void anAdministratorRegistersAPartyOrganisationOfTheRightLevelOnly() throws Exception {
		var name = "西街社区测试支部" + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(get("/party-organisations/new?region=652301001001").with(accounts.console(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"COMMUNITY_COMMITTEE\" selected")));
		mvc.perform(post("/party-organisations").with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("region", "652301001001")
			.param("level", "STREET_WORKING_COMMITTEE")
			.param("name", name)
			.param("memberCount", "12"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("党工委属于街道")));
		mvc.perform(post("/party-organisations").with(accounts.console(admin))
			.with(csrf())
			.header("HX-Request", "true")
			.param("region", "652301001001")
			.param("level", "COMMUNITY_COMMITTEE")
			.param("name", name)
			.param("secretary", "张书记")
			.param("memberCount", "12"))
			.andExpect(header().string("HX-Redirect", "/party-organisations?within=652301001001"));
		mvc.perform(get("/party-organisations?within=652301001001").with(accounts.console(admin)))
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("张书记")));
		mvc.perform(get("/regions/652301001000").with(accounts.console(admin)))
			.andExpect(content().string(containsString(name)));
	}

	@Test
	void aCommunityReadsItsOwnPartyOrganisationsAndNothingAboveOrBeside() throws Exception {
		var community = accounts.open("party-reader", Role.COMMUNITY_STAFF, DataScope.Kind.REGION, "652301001001");
		mvc.perform(get("/party-organisations").with(accounts.console(community)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("西街社区大党委")))
			.andExpect(content().string(not(containsString("宁合社区大党委"))))
			.andExpect(content().string(not(containsString("宁边路街道党工委"))));
		mvc.perform(get("/party-organisations?within=652301001000").with(accounts.console(community)))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRegionPageShowsItsChildrenDepartmentsAndPartyOrganisations() throws Exception {
		var dispatcher = accounts.open("page-reader", Role.DISPATCHER, DataScope.Kind.REGION, "652301001000");
		mvc.perform(get("/regions/652301001000").with(accounts.console(dispatcher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("西街社区居民委员会")))
			.andExpect(content().string(containsString("昌吉市公安局")))
			.andExpect(content().string(containsString("宁边路街道党工委")))
			.andExpect(content().string(containsString("西街社区大党委")))
			.andExpect(content().string(not(containsString("/party-organisations/new"))));
		mvc.perform(get("/regions?q=西街").with(accounts.console(dispatcher)))
			.andExpect(content().string(containsString("/regions/652301001001")));
		mvc.perform(get("/regions/652301001000/children").with(accounts.console(dispatcher)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-code=\"652301001001\"")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(get("/regions/652301001000/children").with(accounts.console(dispatcher)))
			.andExpect(status().isNotFound());
	}

}
