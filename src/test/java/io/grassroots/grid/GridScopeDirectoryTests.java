package io.grassroots.grid;

import java.util.Set;

import io.grassroots.identity.AccountProvisioning;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.web.ConsoleUser;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
class GridScopeDirectoryTests {

	@Autowired
	AccountProvisioning accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	GridNetwork network;

	@Autowired
	GridScopeDirectory directory;

	@Test
	void anAccountCanBeScopedToAGridByItsCodeAndShowsTheGridsName() {
		accounts.ensure("grid-scope-test", "网格范围测试", "Grassroots-2026", Set.of(Role.GRID_WORKER), DataScope.Kind.GRID,
				"652301001002003");
		var user = users.loadUserByUsername("grid-scope-test");
		assertThat(((ConsoleUser) user).scopeLabel()).isEqualTo("宁合社区第三网格");
	}

	@Test
	void aGridIsResolvedByIdOrCodeWithItsCommunityAsTheScopesRegion() {
		var grid = network.findByCode("652301001001002").orElseThrow();
		var byId = directory.resolve(DataScope.Kind.GRID, grid.id().toString()).orElseThrow();
		var byCode = directory.resolve(DataScope.Kind.GRID, grid.code()).orElseThrow();
		assertThat(byId).isEqualTo(byCode);
		assertThat(byId.grid()).isEqualTo(grid.id().id());
		assertThat(byId.region().value()).isEqualTo("652301001001");
		assertThat(directory.resolve(DataScope.Kind.GRID, "not-a-grid")).isEmpty();
		assertThat(directory.resolve(DataScope.Kind.REGION, grid.code())).isEmpty();
	}

	@Test
	void anUnknownGridCannotBeAScope() {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> accounts.ensure("grid-scope-unknown",
				"未知网格", "Grassroots-2026", Set.of(Role.GRID_WORKER), DataScope.Kind.GRID, "652301001001999"));
	}

}
