package io.grassroots.region.web;

import java.util.List;

import io.grassroots.region.DepartmentView;
import io.grassroots.region.PartyOrganisationView;
import io.grassroots.region.RegionView;

/** One region: where it sits, what lies below it, who serves it. */
public record RegionPageView(RegionView region, List<RegionView> path, List<RegionView> children,
		List<DepartmentView> departments, List<PartyOrganisationView> partyOrganisations) {
}
