package io.grassroots.supervision;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record WhistleId(@JsonValue UUID id) implements Identifier {

	@JsonCreator
	public static WhistleId of(String id) {
		return new WhistleId(UUID.fromString(id));
	}

	static WhistleId random() {
		return new WhistleId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
