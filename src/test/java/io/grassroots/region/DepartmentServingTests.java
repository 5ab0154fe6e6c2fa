package io.grassroots.region;

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
 * A place is served by the active departments of its own region and of every region above it, found by following
 * the parent links: from the top region down, each region's departments by kind and name. Each test runs in a
 * transaction that is rolled back.
 */
@IntegrationTest
@Transactional
class DepartmentServingTests {

	@Autowired
	Departments departments;

	@Autowired
	JdbcClient jdbc;

	private RegionRows rows;

	@BeforeEach
	void tree() {
		rows = new RegionRows(jdbc);
		rows.region("930000000000", "测试省", "PROVINCE", null);
		rows.region("930100000000", "测试市", "PREFECTURE", "930000000000");
		rows.region("930101000000", "甲县", "COUNTY", "930100000000");
		rows.region("930102000000", "乙县", "COUNTY", "930100000000");
		rows.region("930101001000", "东街道", "STREET", "930101000000");
		rows.region("930101001001", "东社区", "COMMUNITY", "930101001000");
		// a community whose parent is its county: no street between them
		rows.region("930101002001", "西社区", "COMMUNITY", "930101000000");
		rows.department("930100000000", "URBAN_MANAGEMENT", "市城管局", true);
		rows.department("930101000000", "URBAN_MANAGEMENT", "甲县城管局", true);
		rows.department("930101000000", "HOUSING", "甲县住建局 A", true);
		rows.department("930101000000", "HOUSING", "甲县住建局 B", true);
		rows.department("930101000000", "WATER", "甲县水务局（撤销）", false);
		rows.department("930102000000", "URBAN_MANAGEMENT", "乙县城管局", true);
		rows.department("930101001001", "OTHER", "东社区物业办", true);
	}

	@Test
	void aPlaceIsServedFromTheTopDownEachRegionsDepartmentsByKindAndName() {
		assertThat(departments.serving(RegionCode.of("930101001001")))
			.extracting(d -> d.region().value() + " " + d.kind() + " " + d.name())
			.containsExactly("930100000000 URBAN_MANAGEMENT 市城管局", "930101000000 HOUSING 甲县住建局 A",
					"930101000000 HOUSING 甲县住建局 B", "930101000000 URBAN_MANAGEMENT 甲县城管局",
					"930101001001 OTHER 东社区物业办")
			.doesNotContain("930101000000 WATER 甲县水务局（撤销）");
	}

	@Test
	void theParentLinksDecideThePathNotTheDigits() {
		assertThat(departments.serving(RegionCode.of("930101002001"))).extracting(DepartmentView::name)
			.containsExactly("市城管局", "甲县住建局 A", "甲县住建局 B", "甲县城管局");
	}

	@Test
	void anUnknownPlaceIsServedByNoDepartment() {
		assertThat(departments.serving(RegionCode.of("930101009009"))).isEmpty();
	}

}
