package io.grassroots.grid;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

/** The identity of a grid; stable across renames and re-coding. */
public record GridId(UUID id) implements Identifier {

	public static GridId of(String id) {
		return new GridId(UUID.fromString(id));
	}

	static GridId random() {
		return new GridId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
