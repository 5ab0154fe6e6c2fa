package io.grassroots.cases;

import java.util.Optional;

import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.region.RegionLevel;
import io.grassroots.region.Regions;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * Placement while no grid network exists: by the community the reporter names; else by the grid or community of a
 * reporting grid worker (or other community-level account); else the case stays unplaced at the fallback region.
 * The point is kept on the case either way.
 */
@Component
class NamedCommunityPlacement implements CasePlacement {

	private final Regions regions;

	NamedCommunityPlacement(Regions regions) {
		this.regions = regions;
	}

	@Override
	public Placed place(Optional<Point> point, Optional<RegionCode> namedCommunity, Actor reporter,
			RegionCode fallback) {
		if (namedCommunity.isPresent()) {
			var region = regions.find(namedCommunity.get())
				.filter(r -> r.level() == RegionLevel.COMMUNITY || r.level() == RegionLevel.STREET)
				.orElseThrow(() -> InvalidInputException.of("community", "cases.intake.unknownCommunity",
						namedCommunity.get().value()));
			return new Placed(region.code(), null, Placement.NAMED_COMMUNITY);
		}
		var scope = reporter.scope();
		if (scope.kind() == DataScope.Kind.GRID) {
			return new Placed(scope.region(), scope.grid(), Placement.REPORTER_SCOPE);
		}
		if (scope.kind() == DataScope.Kind.REGION && scope.region().depth() == 5) {
			return new Placed(scope.region(), null, Placement.REPORTER_SCOPE);
		}
		return new Placed(fallback, null, Placement.UNPLACED);
	}

}
