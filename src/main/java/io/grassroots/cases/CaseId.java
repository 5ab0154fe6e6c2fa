package io.grassroots.cases;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

public record CaseId(UUID id) implements Identifier {

	public static CaseId of(String id) {
		return new CaseId(UUID.fromString(id));
	}

	static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
