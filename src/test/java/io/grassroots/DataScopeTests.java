package io.grassroots;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentForm;
import io.grassroots.region.DepartmentKind;
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
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Accounts of a street, a community, a department and an administrator each see exactly their part of the region
 * tree and of the account list through the API, and are refused (403, as a problem) beyond it.
 */
@IntegrationTest
class DataScopeTests {

	static final String CHANGJI_CITY = "652301000000";

	static final String NINGBIANLU = "652301001000";

	static final String XIJIE = "652301001001";

	static final String YANAN_BEILU = "652301002000";

	static final String FUKANG = "652302000000";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	Departments departments;

	TestAccount admin;

	TestAccount street;

	TestAccount community;

	TestAccount otherStreet;

	TestAccount department;

	TestAccount colleague;

	TestAccount otherDepartment;

	@BeforeEach
	void openAccounts() {
		var accounts = TestAccounts.in(context);
		admin = accounts.open("scope-admin", Role.ADMINISTRATOR, DataScope.Kind.REGION, RegionCode.ROOT.value());
		street = accounts.open("scope-street", Role.DISPATCHER, DataScope.Kind.REGION, NINGBIANLU);
		community = accounts.open("scope-community", Role.COMMUNITY_STAFF, DataScope.Kind.REGION, XIJIE);
		otherStreet = accounts.open("scope-other-street", Role.DISPATCHER, DataScope.Kind.REGION, YANAN_BEILU);
		var ours = accounts.as(admin, () -> departments.register(new DepartmentForm(CHANGJI_CITY, DepartmentKind.OTHER,
				"数据范围测试局" + UUID.randomUUID().toString().substring(0, 8), null, null, null)));
		var theirs = accounts.as(admin, () -> departments.register(new DepartmentForm(CHANGJI_CITY,
				DepartmentKind.OTHER, "另一测试局" + UUID.randomUUID().toString().substring(0, 8), null, null, null)));
		department = accounts.open("scope-department", Role.DEPARTMENT_HANDLER, DataScope.Kind.DEPARTMENT,
				ours.id().toString());
		colleague = accounts.open("scope-colleague", Role.DEPARTMENT_HANDLER, DataScope.Kind.DEPARTMENT,
				ours.id().toString());
		otherDepartment = accounts.open("scope-other-department", Role.DEPARTMENT_HANDLER,
				DataScope.Kind.DEPARTMENT, theirs.id().toString());
	}

	@Test
	void streetSeesItsSubtreeAndItsAccountsOnly() throws Exception {
		assertThat(codes(call(street, "/api/regions"))).containsExactly(NINGBIANLU);
		call(street, "/api/regions/" + NINGBIANLU).andExpect(jsonPath("$.name").value("宁边路街道"));
		assertThat(codes(call(street, "/api/regions/" + NINGBIANLU + "/children"))).isNotEmpty()
			.allMatch(code -> code.startsWith("652301001"))
			.contains(XIJIE);
		assertThat(codes(call(street, "/api/regions?q=社区"))).isNotEmpty().allMatch(code -> code.startsWith("652301001"));
		refused(street, "/api/regions/" + YANAN_BEILU);
		refused(street, "/api/regions/" + CHANGJI_CITY);
		refused(street, "/api/regions/" + CHANGJI_CITY + "/children");

		var accounts = call(street, "/api/accounts");
		assertThat(scopeRegions(accounts)).allMatch(code -> code.startsWith("652301001"));
		assertThat(usernames(accounts)).contains(street.username(), community.username())
			.doesNotContain(otherStreet.username(), admin.username(), department.username());
		refused(street, "/api/accounts/" + otherStreet.id());
		call(street, "/api/accounts/" + community.id()).andExpect(jsonPath("$.username").value(community.username()));
	}

	@Test
	void communitySeesItselfOnly() throws Exception {
		assertThat(codes(call(community, "/api/regions"))).containsExactly(XIJIE);
		call(community, "/api/regions/" + XIJIE).andExpect(jsonPath("$.name").value("西街社区居民委员会"));
		assertThat(codes(call(community, "/api/regions/" + XIJIE + "/children"))).isEmpty();
		assertThat(codes(call(community, "/api/regions?q=社区"))).containsExactly(XIJIE);
		refused(community, "/api/regions/" + NINGBIANLU);
		refused(community, "/api/regions/652301001002");
		refused(community, "/api/regions/" + NINGBIANLU + "/children");

		var accounts = call(community, "/api/accounts");
		assertThat(scopeRegions(accounts)).allMatch(XIJIE::equals);
		assertThat(usernames(accounts)).contains(community.username()).doesNotContain(street.username());
		refused(community, "/api/accounts/" + street.id());
	}

	@Test
	void departmentSeesTheCountyItServesAndItsOwnStaffOnly() throws Exception {
		assertThat(codes(call(department, "/api/regions"))).containsExactly(CHANGJI_CITY);
		call(department, "/api/regions/" + NINGBIANLU).andExpect(status().isOk());
		refused(department, "/api/regions/" + FUKANG);
		refused(department, "/api/regions/652300000000");

		assertThat(usernames(call(department, "/api/accounts"))).containsExactlyInAnyOrder(department.username(),
				colleague.username());
		refused(department, "/api/accounts/" + otherDepartment.id());
		refused(department, "/api/accounts/" + street.id());
	}

	@Test
	void administratorOfTheCountrySeesEverything() throws Exception {
		assertThat(codes(call(admin, "/api/regions"))).contains("650000000000");
		call(admin, "/api/regions/" + FUKANG).andExpect(status().isOk());
		assertThat(codes(call(admin, "/api/regions/652300000000/children"))).contains(CHANGJI_CITY, FUKANG);
		assertThat(usernames(call(admin, "/api/accounts"))).contains(admin.username(), street.username(),
				community.username(), otherStreet.username(), department.username(), otherDepartment.username());
		call(admin, "/api/accounts/" + otherDepartment.id()).andExpect(status().isOk());
	}

	@Test
	void unknownRegionsInsideTheScopeAreNotFoundAndMalformedCodesAreBadRequests() throws Exception {
		mvc.perform(get("/api/regions/652301001999").header("Authorization", street.bearer()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		mvc.perform(get("/api/regions/65230100").header("Authorization", street.bearer()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].where").value("code"));
	}

	private ResultActions call(TestAccount account, String path) throws Exception {
		return mvc.perform(get(path).header("Authorization", account.bearer())).andExpect(status().isOk());
	}

	private void refused(TestAccount account, String path) throws Exception {
		mvc.perform(get(path).header("Authorization", account.bearer()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.status").value(403));
	}

	private static List<String> codes(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$[*].code");
	}

	private static List<String> usernames(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$[*].username");
	}

	private static List<String> scopeRegions(ResultActions result) throws Exception {
		return JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$[*].scope.region");
	}

}
