package io.grassroots.region;

import io.grassroots.shared.RegionCode;

public record PartyOrganisationView(PartyOrganisationId id, RegionCode region, PartyLevel level, String name,
		String secretary, int memberCount, long version) {
}
