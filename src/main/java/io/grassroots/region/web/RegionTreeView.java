package io.grassroots.region.web;

import java.util.List;

import io.grassroots.region.RegionView;

/**
 * The region tree browser: the roots the viewer may see, and search results.
 *
 * @param limit the most search results shown
 */
public record RegionTreeView(List<RegionView> roots, String query, List<RegionView> results, int limit) {

	public boolean truncated() {
		return results.size() >= limit;
	}

}
