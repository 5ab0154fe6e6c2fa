package io.grassroots.grid;

import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the grids the caller may see as a GeoJSON FeatureCollection (RFC 7946, WGS-84) with the documented
 * property names, so an export can be edited elsewhere and imported again.
 */
@Service
@Transactional(readOnly = true)
public class GridExport {

	private final GridQueries queries;

	private final CurrentUser currentUser;

	GridExport(GridQueries queries, CurrentUser currentUser) {
		this.queries = queries;
		this.currentUser = currentUser;
	}

	public String geoJson(RegionCode within) {
		var scope = currentUser.actor().scope();
		if (scope.kind() != io.grassroots.identity.DataScope.Kind.GRID && !scope.region().covers(within)
				&& !within.covers(scope.region())) {
			throw new ForbiddenException("problem.outsideScope");
		}
		var features = queries.visible(scope, within).stream().map(g -> {
			var view = g.view();
			var properties = GeoJson.properties()
				.put("code", view.code())
				.put("community", view.community().value())
				.put("name", view.name())
				.put("kind", view.kind().name())
				.put("managementType", view.managementType().name())
				.put("areaSquareMetres", Math.round(view.areaSquareMetres()));
			if (view.branchName() != null) {
				properties.put("branch", view.branchName());
			}
			return GeoJson.feature(Shapes.parse(g.outline()), properties);
		}).toList();
		return GeoJson.JSON.writeValueAsString(GeoJson.collection(features));
	}

}
