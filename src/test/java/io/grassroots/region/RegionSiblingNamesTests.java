package io.grassroots.region;

import java.util.Map;
import java.util.UUID;

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
 * The short names of a region and of the other children of its parent come in one answer, the children of other
 * parents do not; likewise the names of a department and of the other departments of its region. Each test runs in a transaction that is rolled back.
 */
@IntegrationTest
@Transactional
class RegionSiblingNamesTests {

	@Autowired
	Regions regions;

	@Autowired
	Departments departments;

	@Autowired
	JdbcClient jdbc;

	private RegionRows rows;

	@BeforeEach
	void tree() {
		rows = new RegionRows(jdbc);
		rows.region("950000000000", "兄弟省", "PROVINCE", null);
		rows.region("950101001000", "东街道", "STREET", "950000000000");
		rows.region("950101002000", "西街道", "STREET", "950000000000");
		rows.region("950101001001", "甲社区居民委员会", "COMMUNITY", "950101001000");
		rows.region("950101001002", "乙村村民委员会", "COMMUNITY", "950101001000");
		rows.region("950101002001", "丙社区居委会", "COMMUNITY", "950101002000");
	}

	@Test
	void aCommunityComesWithTheOtherCommunitiesOfItsStreetByTheirShortNames() {
		assertThat(regions.shortNamesWithSiblings(RegionCode.of("950101001002"))).isEqualTo(Map.of(
				RegionCode.of("950101001001"), "甲社区", RegionCode.of("950101001002"), "乙村"));
	}

	@Test
	void aRegionWithoutParentComesAloneAndAnUnknownOneNotAtAll() {
		assertThat(regions.shortNamesWithSiblings(RegionCode.of("950000000000")))
			.containsEntry(RegionCode.of("950000000000"), "兄弟省")
			.doesNotContainKey(RegionCode.of("950101001000"));
		assertThat(regions.shortNamesWithSiblings(RegionCode.of("959999999999"))).isEmpty();
	}

	@Test
	void aDepartmentComesWithTheOtherDepartmentsOfItsRegionOnly() {
		var water = rows.department("950101001000", "WATER", "东街道水务站");
		var housing = rows.department("950101001000", "HOUSING", "东街道住建站");
		rows.department("950101002000", "WATER", "西街道水务站");

		assertThat(departments.namesWithTheirRegionsOthers(housing))
			.isEqualTo(Map.of(water, "东街道水务站", housing, "东街道住建站"));
		assertThat(departments.namesWithTheirRegionsOthers(new DepartmentId(UUID.randomUUID()))).isEmpty();
	}

}
