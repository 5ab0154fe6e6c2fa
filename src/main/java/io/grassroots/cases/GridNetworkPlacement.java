package io.grassroots.cases;

import java.util.Optional;

import io.grassroots.grid.CoordinateSystem;
import io.grassroots.grid.GridNetwork;
import io.grassroots.identity.Actor;
import io.grassroots.shared.RegionCode;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Placement by the grid network: a point goes to the grid it lies in (or, when it lies in none, to the nearest grid
 * of the community the reporter named, which the network says it did). Reports without a point, or with a point no
 * grid takes, fall back to the named community or the reporter's own place ({@link NamedCommunityPlacement}).
 */
@Primary
@Component
class GridNetworkPlacement implements CasePlacement {

	private final GridNetwork network;

	private final NamedCommunityPlacement byCommunity;

	GridNetworkPlacement(GridNetwork network, NamedCommunityPlacement byCommunity) {
		this.network = network;
		this.byCommunity = byCommunity;
	}

	@Override
	public Placed place(Optional<Point> point, Optional<RegionCode> namedCommunity, Actor reporter,
			RegionCode fallback) {
		if (point.isPresent()) {
			var placed = network.place(point.get().longitude(), point.get().latitude(), CoordinateSystem.WGS84,
					namedCommunity);
			if (placed.placed()) {
				return new Placed(placed.community(), placed.grid().id(), Placement.GRID);
			}
		}
		return byCommunity.place(point, namedCommunity, reporter, fallback);
	}

}
