package io.grassroots.supervision;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record CardId(@JsonValue UUID id) implements Identifier {

	@JsonCreator
	public static CardId of(String id) {
		return new CardId(UUID.fromString(id));
	}

	static CardId random() {
		return new CardId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
