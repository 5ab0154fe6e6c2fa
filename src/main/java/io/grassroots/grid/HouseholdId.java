package io.grassroots.grid;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

public record HouseholdId(UUID id) implements Identifier {

	public static HouseholdId of(String id) {
		return new HouseholdId(UUID.fromString(id));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
