package io.grassroots.grid;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

/** The identity of a grid; stable across renames and re-coding. In JSON it is the plain UUID text. */
public record GridId(UUID id) implements Identifier {

	@JsonCreator
	public static GridId of(String id) {
		return new GridId(UUID.fromString(id));
	}

	static GridId random() {
		return new GridId(UUID.randomUUID());
	}

	@JsonValue
	@Override
	public String toString() {
		return id.toString();
	}

}
