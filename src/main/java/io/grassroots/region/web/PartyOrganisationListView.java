package io.grassroots.region.web;

import java.util.List;

import io.grassroots.region.PartyOrganisationView;
import io.grassroots.region.RegionView;

/**
 * The party organisations below one region of the viewer's scope.
 *
 * @param within the region whose subtree is listed
 * @param query the search text, or empty
 * @param limit the most organisations shown
 * @param manage whether the viewer may add and change organisations
 */
public record PartyOrganisationListView(List<PartyOrganisationView> organisations, RegionView within, String query,
		int limit, boolean manage) {

	public boolean truncated() {
		return organisations.size() >= limit;
	}

}
