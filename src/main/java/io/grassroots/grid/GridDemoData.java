package io.grassroots.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.AccountProvisioning;
import io.grassroots.identity.DataScope;
import io.grassroots.region.RegionLevel;
import io.grassroots.region.Regions;
import io.grassroots.shared.DemoData;
import io.grassroots.shared.RegionCode;
import org.locationtech.jts.geom.Polygon;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The demo network of 昌吉市's six streets: a generated outline per community, four residential grids per
 * community (one quadrant of every seventh community left uncovered, so the gap view has something to show), and in
 * 西街社区 a school compound and a police patrol range on top. Teams, branches, buildings, households and a few
 * months of visits come with it (see {@link DemoRegisters}); the demo grid worker moves into 西街社区's first grid.
 */
@Component
class GridDemoData implements DemoData {

	static final RegionCode CHANGJI_CITY = RegionCode.padded("652301");

	static final RegionCode WEST_STREET = RegionCode.of("652301001001");

	private static final String[] ORDINALS = { "一", "二", "三", "四" };

	private final Regions regions;

	private final JdbcTemplate jdbc;

	private final DemoRegisters registers;

	private final NetworkChanges network;

	private final AccountProvisioning accounts;

	private final AuditTrail audit;

	GridDemoData(Regions regions, JdbcTemplate jdbc, DemoRegisters registers, NetworkChanges network,
			AccountProvisioning accounts, AuditTrail audit) {
		this.regions = regions;
		this.jdbc = jdbc;
		this.registers = registers;
		this.network = network;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public String name() {
		return "grid.demo-network";
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public void load() {
		var grids = new ArrayList<Grid>();
		var outlines = new ArrayList<Object[]>();
		for (int s = 1; s <= 6; s++) {
			var street = RegionCode.padded("652301" + String.format("%03d", s));
			var communities = regions.within(street, RegionLevel.COMMUNITY);
			var shapes = DemoLayout.communities(DemoLayout.streetBlock(s - 1), communities.size());
			for (int c = 0; c < communities.size(); c++) {
				var community = communities.get(c);
				var outline = shapes.get(c);
				outlines.add(new Object[] { community.code().value(), Shapes.wkt(outline), Shapes.area(outline) });
				grids.addAll(gridsOf(community.code(), community.shortName(), outline, (s * 31 + c) % 7 == 3 && !community.code().equals(WEST_STREET)));
			}
		}
		jdbc.batchUpdate("insert into grid_community_outline (community, outline, area_m2, version) values (?, ?, ?, 0)",
				outlines);
		insert(grids);
		registers.load(grids);
		network.changed(java.util.Set.of(CHANGJI_CITY));
		audit.record(new AuditRecord("grid/demo", "grid.demoLoaded", "system", "system",
				Map.of("grids", grids.size(), "communities", outlines.size())));
		accounts.rescope("gridworker", DataScope.Kind.GRID, WEST_STREET.value() + "001");
	}

	private List<Grid> gridsOf(RegionCode community, String name, Polygon outline, boolean leaveGap) {
		var grids = new ArrayList<Grid>();
		var quadrants = DemoLayout.quadrants(outline);
		var count = leaveGap ? 3 : 4;
		for (int q = 0; q < count; q++) {
			var type = q == 0 && community.value().endsWith("2") ? ManagementType.KEY_ATTENTION
					: q == 1 ? ManagementType.GENERAL_PREVENTION : ManagementType.ROUTINE;
			grids.add(Grid.draw(GridCodes.format(community, q + 1), name + "第" + ORDINALS[q] + "网格",
					GridKind.RESIDENTIAL, type, community, quadrants.get(q)));
		}
		if (community.equals(WEST_STREET)) {
			grids.add(Grid.draw(GridCodes.format(community, 5), "昌吉市第一中学单位网格", GridKind.INSTITUTIONAL,
					ManagementType.ROUTINE, community, DemoLayout.compound(quadrants.get(1))));
			grids.add(Grid.draw(GridCodes.format(community, 6), "西街派出所警务网格", GridKind.POLICE_PATROL,
					ManagementType.GENERAL_PREVENTION, community, outline));
		}
		return grids;
	}

	private void insert(List<Grid> grids) {
		jdbc.batchUpdate("""
				insert into grid_grid (id, code, name, kind, management_type, community, outline, min_lng, min_lat,
				  max_lng, max_lat, area_m2, branch_name, branch_secretary, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""", grids.stream().map(g -> {
			var view = g.view();
			var box = g.shape().getEnvelopeInternal();
			return new Object[] { view.id().id(), view.code(), view.name(), view.kind().name(),
					view.managementType().name(), view.community().value(), Shapes.wkt(g.shape()), box.getMinX(),
					box.getMinY(), box.getMaxX(), box.getMaxY(), view.areaSquareMetres(), null, null };
		}).toList());
	}

}
