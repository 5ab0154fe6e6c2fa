package io.grassroots.region.web;

import java.util.List;

import io.grassroots.region.DepartmentView;
import io.grassroots.region.PartyOrganisationView;
import io.grassroots.region.RegionLevel;
import io.grassroots.region.RegionView;

/**
 * One region: where it sits, what lies below it, who serves it.
 *
 * @param path the regions above it that the viewer may see, from the top
 * @param departments the departments serving it (a department's own staff see only their department)
 * @param partyOrganisations the party organisations of the region itself and of its direct children
 * @param manage whether the viewer may add departments and party organisations
 */
public record RegionPageView(RegionView region, List<RegionView> path, List<RegionView> children,
		List<DepartmentView> departments, List<PartyOrganisationView> partyOrganisations, boolean manage) {

	/** Departments are registered for prefectures and counties. */
	public boolean departmentsHere() {
		return region.level() == RegionLevel.PREFECTURE || region.level() == RegionLevel.COUNTY;
	}

	/** Party organisations are founded for streets and communities. */
	public boolean partyHere() {
		return region.level() == RegionLevel.STREET || region.level() == RegionLevel.COMMUNITY;
	}

}
