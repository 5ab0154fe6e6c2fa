package io.grassroots.cases;

import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.RegionRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names a queue shows are kept in memory; a region's name is read together with those of the other communities
 * of its street, a department's with those of the other departments of its region. Each test uses regions of its own (the names stay in memory across tests) and is rolled back.
 */
@IntegrationTest
@Transactional
class CaseNamesTests {

	@Autowired
	CaseNames names;

	@Autowired
	JdbcClient jdbc;

	private RegionRows rows;

	@BeforeEach
	void rows() {
		rows = new RegionRows(jdbc);
	}

	@Test
	void aCommunitysNameIsReadTogetherWithTheOtherCommunitiesOfItsStreet() {
		rows.region("940000000000", "名称省", "PROVINCE", null);
		rows.region("940101001000", "名称街道", "STREET", "940000000000");
		rows.region("940101001001", "东名社区居民委员会", "COMMUNITY", "940101001000");
		rows.region("940101001002", "西名村村民委员会", "COMMUNITY", "940101001000");

		assertThat(names.region(RegionCode.of("940101001001"))).isEqualTo("东名社区");
		jdbc.sql("update region_region set name = '改过的社区' where code = '940101001002'").update();

		// read with its neighbour before the rename: no statement of its own
		assertThat(names.region(RegionCode.of("940101001002"))).isEqualTo("西名村");
	}

	@Test
	void aDepartmentsNameIsReadTogetherWithTheOtherDepartmentsOfItsRegion() {
		rows.region("941000000000", "部门省", "PROVINCE", null);
		rows.region("941101000000", "部门县", "COUNTY", "941000000000");
		var water = rows.department("941101000000", "WATER", "部门县水务局");
		var housing = rows.department("941101000000", "HOUSING", "部门县住建局");

		assertThat(names.department(water)).isEqualTo("部门县水务局");
		jdbc.sql("update region_department set name = '改过的局' where id = ?").param(housing.id()).update();

		assertThat(names.department(housing)).isEqualTo("部门县住建局");
		assertThat(names.department(new DepartmentId(UUID.randomUUID()))).isEmpty();
	}

	@Test
	void anUnknownRegionIsShownByItsCode() {
		assertThat(names.region(RegionCode.of("949999999999"))).isEqualTo("949999999999");
		assertThat(names.region(RegionCode.of("949999999999"))).isEqualTo("949999999999");
	}

}
