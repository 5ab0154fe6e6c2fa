package io.grassroots.grid;

import java.util.Optional;

import io.grassroots.shared.PersonalData;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class GridDemoNetworkTests {

	@Autowired
	GridNetwork network;

	@Autowired
	NetworkCheck check;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personal;

	@Test
	void demoNetworkPlacesAPointOfWestStreetInItsInstitutionGridBeforeTheResidentialAndPoliceGrids() {
		var institution = network.findByCode("652301001001005").orElseThrow();
		var box = network.grids(RegionCode.of("652301001001")).stream().filter(g -> g.code().endsWith("005")).findFirst();
		assertThat(box).isPresent();
		var quadrant = DemoLayout.quadrants(DemoLayout.communities(DemoLayout.streetBlock(0), 6).get(0)).get(1);
		var centre = quadrant.getEnvelopeInternal().centre();
		var placement = network.place(centre.x, centre.y, CoordinateSystem.WGS84, Optional.empty());
		assertThat(placement.method()).isEqualTo(Placement.Method.INSIDE);
		assertThat(placement.grid()).isEqualTo(institution.id());
		assertThat(placement.street()).isEqualTo(RegionCode.of("652301001000"));
		assertThat(placement.county()).isEqualTo(RegionCode.of("652301000000"));
	}

	@Test
	@WithUserDetails("admin")
	void demoNetworkCoversWestStreetCompletely() {
		assertThat(network.grids(RegionCode.of("652301001001"))).hasSize(6);
		var report = check.check(RegionCode.of("652301001001"));
		assertThat(report.outlineKnown()).isTrue();
		assertThat(report.gaps()).isEmpty();
		assertThat(report.overlaps()).isEmpty();
		assertThat(report.coveragePercent()).isEqualTo(100);
	}

	@Test
	@WithUserDetails("admin")
	void demoNetworkLeavesAQuadrantOfSomeCommunitiesUncoveredAndTheCheckMeasuresIt() {
		var jinling = RegionCode.of("652301002005");
		assertThat(network.grids(jinling)).hasSize(3);
		var report = check.check(jinling);
		assertThat(report.gaps()).hasSize(1);
		var quarter = report.outlineArea() / 4;
		assertThat(report.gaps().get(0).area()).isCloseTo(quarter, org.assertj.core.data.Percentage.withPercentage(1));
		assertThat(report.coveragePercent()).isBetween(74, 75);
	}

	@Test
	void demoHouseholdsAreSealedAndEachHasVisitsOfTheDemoGridWorker() {
		var households = jdbc.sql("select count(*) from grid_household where demo").query(Long.class).single();
		assertThat(households).isGreaterThan(5_000);
		var household = jdbc.sql("select phone_sealed, phone_index from grid_household where demo order by id limit 1")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		var phone = personal.decrypt(household[0]);
		assertThat(phone).hasSize(11);
		assertThat(personal.blindIndex(phone)).isEqualTo(household[1]);
		assertThat(jdbc.sql("""
				select count(*) from grid_household h
				where h.demo and not exists (select 1 from grid_visit v where v.household = h.id and v.visitor_id = 'demo')""")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("""
				select count(*) from grid_visit
				where visitor_id = 'demo' and (reported or place is not null or photo is not null)""")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from grid_visit where visitor_id = 'demo'").query(Long.class).single())
			.isGreaterThan(households);
	}

	@Test
	void theNetworkPlacesAndLooksUpWithoutAProxy() {
		// an annotated method (@Transactional …) would make it a proxy again, and every intake's placement would go
		// through its interceptor look-up and a reflective call (bench/RESULTS.md, lifecycle, 2026-12-05)
		assertThat(AopUtils.isAopProxy(network)).isFalse();
		var community = RegionCode.of("652301001001");
		var grids = network.grids(community);
		assertThat(grids).isNotEmpty();
		assertThat(network.findByCode(grids.get(0).code())).contains(grids.get(0));
		assertThat(network.find(grids.get(0).id())).contains(grids.get(0));
	}

}
