package io.grassroots.grid;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record HouseholdId(UUID id) implements Identifier {

	@JsonCreator
	public static HouseholdId of(String id) {
		return new HouseholdId(UUID.fromString(id));
	}

	@JsonValue
	@Override
	public String toString() {
		return id.toString();
	}

}
