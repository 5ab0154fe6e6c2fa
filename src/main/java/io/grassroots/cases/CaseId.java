package io.grassroots.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record CaseId(@JsonValue UUID id) implements Identifier {

	@JsonCreator
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
