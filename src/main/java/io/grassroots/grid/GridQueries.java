package io.grassroots.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.grassroots.identity.DataScope;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lists of grids inside a data scope, read straight from the table (shapes included when asked). */
@Component
class GridQueries {

	private static final String COLUMNS = """
			select id, code, name, kind, management_type, community, area_m2, branch_name, branch_secretary, version,
			       outline from grid_grid""";

	private final JdbcClient jdbc;

	GridQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A grid with its shape. */
	record ShapedGrid(GridView view, String outline) {
	}

	/** The grids a scope may see, limited to a subtree (the scope's own region when {@code within} is the root). */
	List<ShapedGrid> visible(DataScope scope, RegionCode within) {
		if (scope.kind() == DataScope.Kind.GRID) {
			return jdbc.sql(COLUMNS + " where id = :id")
				.param("id", scope.grid())
				.query(GridQueries::row)
				.list()
				.stream()
				.filter(g -> within.covers(g.view().community()))
				.toList();
		}
		var root = within.isRoot() || !scope.region().covers(within) ? scope.region() : within;
		if (!scope.region().covers(root)) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " where community >= :from and community < :to order by code")
			.param("from", root.subtreeFrom())
			.param("to", root.subtreeTo())
			.query(GridQueries::row)
			.list();
	}

	private static ShapedGrid row(ResultSet rs, int n) throws SQLException {
		var view = new GridView(new GridId(rs.getObject("id", UUID.class)), rs.getString("code"), rs.getString("name"),
				GridKind.valueOf(rs.getString("kind")), ManagementType.valueOf(rs.getString("management_type")),
				RegionCode.of(rs.getString("community")), rs.getDouble("area_m2"), rs.getString("branch_name"),
				rs.getString("branch_secretary"), rs.getLong("version"));
		return new ShapedGrid(view, rs.getString("outline"));
	}

}
