package io.grassroots.grid;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-memory index follows the network: changes on this node at once, changes of other nodes by the version. */
@IntegrationTest
class NetworkIndexTests {

	@Autowired
	GridNetwork network;

	@Autowired
	GridManagement management;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	@WithUserDetails("admin")
	void aGridDrawnOnThisNodeIsPlacedRightAfterItsCommit() {
		assertThat(network.place(88.705, 44.305, CoordinateSystem.WGS84, Optional.empty()).placed()).isFalse();
		var before = network.version();
		management.draw(new GridForm("652302001007", "即时网格", GridKind.RESIDENTIAL, ManagementType.ROUTINE,
				"{\"type\":\"Polygon\",\"coordinates\":" + GridImportTests.square(88.70, 44.30, 0.01) + "}", null));
		var placement = network.place(88.705, 44.305, CoordinateSystem.WGS84, Optional.empty());
		assertThat(placement.gridName()).isEqualTo("即时网格");
		assertThat(placement.networkVersion()).isGreaterThan(before);
	}

	@Test
	void aGridWrittenByAnotherNodeIsPlacedOnceTheVersionMoves() {
		var shape = Shapes.parse("POLYGON ((88.80 44.30, 88.81 44.30, 88.81 44.31, 88.80 44.31, 88.80 44.30))");
		network.place(88.805, 44.305, CoordinateSystem.WGS84, Optional.empty());
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into grid_grid (id, code, name, kind, management_type, community, outline, min_lng, min_lat,
					  max_lng, max_lat, area_m2, version)
					values (:id, '652302001007900', '另一节点的网格', 'RESIDENTIAL', 'ROUTINE', '652302001007', :outline,
					  88.80, 44.30, 88.81, 44.31, :area, 0)""")
				.param("id", UUID.randomUUID())
				.param("outline", Shapes.wkt(shape))
				.param("area", Shapes.area(shape))
				.update();
			jdbc.sql("update grid_network_version set version = version + 1 where id = 1").update();
		});
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(network.place(88.805, 44.305, CoordinateSystem.WGS84, Optional.empty())
				.gridName()).isEqualTo("另一节点的网格"));
	}

	@Test
	void aPointOutsideEveryGridFallsBackToTheNearestGridOfTheNamedCommunityAndSaysSo() {
		var community = io.grassroots.shared.RegionCode.of("652301001001");
		var eastOfWestStreet = network.grids(community).get(0);
		var nowhere = network.place(87.10, 43.90, CoordinateSystem.WGS84, Optional.empty());
		assertThat(nowhere.method()).isEqualTo(Placement.Method.UNPLACED);
		assertThat(nowhere.community()).isNull();
		var justOutside = network.place(87.2695, 43.9905, CoordinateSystem.WGS84, Optional.of(community));
		assertThat(justOutside.method()).isEqualTo(Placement.Method.NEAREST_IN_NAMED_COMMUNITY);
		assertThat(justOutside.community()).isEqualTo(community);
		assertThat(justOutside.distanceMetres()).isBetween(30.0, 100.0);
		assertThat(eastOfWestStreet.community()).isEqualTo(community);
		var farAway = network.place(87.10, 43.90, CoordinateSystem.WGS84, Optional.of(community));
		assertThat(farAway.method()).as("too far for the fallback").isEqualTo(Placement.Method.UNPLACED);
	}

	@Test
	void gcj02PointsAreConvertedBeforePlacement() {
		var gcj = Gcj02.fromWgs84(87.2702, 43.9902);
		var placement = network.place(gcj[0], gcj[1], CoordinateSystem.GCJ02, Optional.empty());
		assertThat(placement.gridCode()).startsWith("652301001001");
		assertThat(placement.lng()).isCloseTo(87.2702, org.assertj.core.data.Offset.offset(1e-7));
		var unconverted = network.place(gcj[0], gcj[1], CoordinateSystem.WGS84, Optional.empty());
		var metres = io.grassroots.grid.index.Geodesy.distanceMetres(
				Shapes.FACTORY.createPoint(new org.locationtech.jts.geom.Coordinate(unconverted.lng(), unconverted.lat())),
				placement.lng(), placement.lat());
		assertThat(metres).as("read as WGS-84 the point would be a few hundred metres off").isBetween(100.0, 800.0);
	}

	@Test
	void swappedOrForeignCoordinatesAreRefused() {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(io.grassroots.shared.InvalidInputException.class)
			.isThrownBy(() -> network.place(44.0, 87.3, CoordinateSystem.WGS84, Optional.empty()))
			.satisfies(e -> assertThat(e.messageKey()).isEqualTo("grid.geometry.swapped"));
		org.assertj.core.api.Assertions.assertThatExceptionOfType(io.grassroots.shared.InvalidInputException.class)
			.isThrownBy(() -> network.place(2.35, 48.85, CoordinateSystem.WGS84, Optional.empty()))
			.satisfies(e -> assertThat(e.messageKey()).isEqualTo("grid.geometry.outsideChina"));
	}

}
