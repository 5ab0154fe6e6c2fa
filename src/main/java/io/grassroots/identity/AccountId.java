package io.grassroots.identity;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record AccountId(@JsonValue UUID id) implements Identifier {

	@JsonCreator
	public static AccountId of(String id) {
		return new AccountId(UUID.fromString(id));
	}

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
