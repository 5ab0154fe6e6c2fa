package io.grassroots.grid;

import java.util.EnumMap;
import java.util.List;

import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.DataScope;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read models of the network for the console and the API: one grid's page, the registers with their flags
 * (branch coverage, staffing and visits below standard) and the map's GeoJSON. Always inside the reader's scope.
 */
@Service
@Transactional(readOnly = true)
public class GridOverview {

	private final GridRepository grids;

	private final GridQueries queries;

	private final Standards standards;

	private final HouseholdVisits visits;

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	GridOverview(GridRepository grids, GridQueries queries, Standards standards, HouseholdVisits visits,
			JdbcClient jdbc, CurrentUser currentUser) {
		this.grids = grids;
		this.queries = queries;
		this.standards = standards;
		this.visits = visits;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
	}

	public GridDetails details(GridId id) {
		var actor = currentUser.actor();
		var grid = grids.findById(id).orElseThrow(() -> new NotFoundException("grid.notFound", id));
		GridAccess.checkRead(actor, id, grid.community());
		var commitments = new EnumMap<Commitment, Boolean>(Commitment.class);
		for (var commitment : Commitment.values()) {
			commitments.put(commitment, grid.team().stream().anyMatch(m -> m.role() == commitment.role()));
		}
		var households = jdbc.sql("select count(*) from grid_household where grid = :grid")
			.param("grid", id.id())
			.query(Integer.class)
			.single();
		var overdue = visits.overdueByGrid(grid.community()).getOrDefault(id, 0);
		var mayChange = actor.hasAny(io.grassroots.identity.Role.ADMINISTRATOR, io.grassroots.identity.Role.COMMUNITY_STAFF)
				&& actor.scope().kind() == DataScope.Kind.REGION && actor.scope().coversRegion(grid.community());
		return new GridDetails(grid.view(), grid.branchMembers(), grid.team(), commitments,
				standards.byType().get(grid.managementType()), households, overdue, mayChange);
	}

	/** One grid's shape as a GeoJSON geometry (WGS-84). */
	public String shape(GridId id) {
		var grid = grids.findById(id).orElseThrow(() -> new NotFoundException("grid.notFound", id));
		GridAccess.checkRead(currentUser.actor(), id, grid.community());
		return GeoJson.JSON.writeValueAsString(GeoJson.geometry(grid.shape()));
	}

	/** The grids the reader may see within a subtree, with their flags. */
	public List<GridSummary> summaries(RegionCode within) {
		var scope = currentUser.actor().scope();
		var visible = queries.visible(scope, within);
		var byType = standards.byType();
		var overdue = visits.overdueByGrid(scope.kind() == DataScope.Kind.GRID ? scope.region() : narrower(scope, within));
		var teams = new java.util.HashMap<GridId, Integer>();
		jdbc.sql("select grid, count(*) from grid_team_member group by grid")
			.query(rs -> {
				teams.put(new GridId(rs.getObject(1, java.util.UUID.class)), rs.getInt(2));
			});
		return visible.stream()
			.map(g -> new GridSummary(g.view(), teams.getOrDefault(g.view().id(), 0),
					byType.get(g.view().managementType()).staffRequired(), overdue.getOrDefault(g.view().id(), 0)))
			.toList();
	}

	/** The map's layer: every visible grid within the subtree as a GeoJSON feature with what the map colours by. */
	public String mapLayer(RegionCode within) {
		var scope = currentUser.actor().scope();
		var summaries = summaries(within);
		var shapes = new java.util.HashMap<GridId, String>();
		queries.visible(scope, within).forEach(g -> shapes.put(g.view().id(), g.outline()));
		var features = summaries.stream().map(s -> {
			var view = s.grid();
			var properties = GeoJson.properties()
				.put("id", view.id().toString())
				.put("code", view.code())
				.put("name", view.name())
				.put("kind", view.kind().name())
				.put("managementType", view.managementType().name())
				.put("community", view.community().value())
				.put("overdueVisits", s.overdueVisits())
				.put("belowStandard", s.belowStandard())
				.put("hasBranch", s.hasBranch());
			return GeoJson.feature(Shapes.parse(shapes.get(view.id())), properties);
		}).toList();
		return GeoJson.JSON.writeValueAsString(GeoJson.collection(features));
	}

	private static RegionCode narrower(DataScope scope, RegionCode within) {
		return !within.isRoot() && scope.region().covers(within) ? within : scope.region();
	}

}
