package io.grassroots.grid;

import java.util.Set;

import io.grassroots.shared.RegionCode;

/**
 * Grids were added, reshaped or removed: the placement index rebuilds, and whoever caches placements should drop
 * them for these communities.
 *
 * @param communities the communities whose grids changed
 * @param networkVersion the network version after the change
 */
public record GridsChanged(Set<RegionCode> communities, long networkVersion) {

	public GridsChanged {
		communities = Set.copyOf(communities);
	}

}
