package io.grassroots.grid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.grassroots.grid.index.PlacementIndex;
import io.grassroots.shared.RegionCode;

/** One immutable build of the network: the placement index and the grids by community, at one version. */
record NetworkSnapshot(long version, PlacementIndex<IndexedGrid> index, Map<RegionCode, List<IndexedGrid>> byCommunity,
		Map<GridId, IndexedGrid> byId) {

	static NetworkSnapshot of(long version, List<IndexedGrid> grids) {
		var entries = grids.stream()
			.map(g -> new PlacementIndex.Entry<>(g, g.shape(), g.kind().placementPriority(), g.area(), g.code()))
			.toList();
		var byCommunity = new HashMap<RegionCode, List<IndexedGrid>>();
		var byId = new HashMap<GridId, IndexedGrid>();
		for (var grid : grids) {
			byCommunity.computeIfAbsent(grid.community(), c -> new ArrayList<>()).add(grid);
			byId.put(grid.id(), grid);
		}
		return new NetworkSnapshot(version, PlacementIndex.build(entries), Map.copyOf(byCommunity), Map.copyOf(byId));
	}

	List<IndexedGrid> inCommunity(RegionCode community) {
		return byCommunity.getOrDefault(community, List.of());
	}

}
