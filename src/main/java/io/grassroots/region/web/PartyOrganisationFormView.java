package io.grassroots.region.web;

import java.util.List;

import io.grassroots.region.PartyLevel;
import io.grassroots.region.PartyOrganisationView;
import io.grassroots.region.RegionView;

/**
 * The form that founds a party organisation or changes one.
 *
 * @param organisation the organisation being changed, or {@code null} for a new one
 * @param region the street or community a new organisation belongs to, or {@code null} when not chosen yet
 */
public record PartyOrganisationFormView(PartyOrganisationView organisation, RegionView region, List<PartyLevel> levels) {

	public boolean isNew() {
		return organisation == null;
	}

	/** The level that fits the chosen region: a working committee for a street, a committee for a community. */
	public PartyLevel suggestedLevel() {
		if (organisation != null) {
			return organisation.level();
		}
		return region != null && region.level() == io.grassroots.region.RegionLevel.STREET
				? PartyLevel.STREET_WORKING_COMMITTEE : PartyLevel.COMMUNITY_COMMITTEE;
	}

}
