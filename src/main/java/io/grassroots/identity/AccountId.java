package io.grassroots.identity;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

public record AccountId(UUID id) implements Identifier {

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
