package io.grassroots.region;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

public record PartyOrganisationId(UUID id) implements Identifier {

	public static PartyOrganisationId of(String id) {
		return new PartyOrganisationId(UUID.fromString(id));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
