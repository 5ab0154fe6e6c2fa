package io.grassroots.region;

import java.util.UUID;

import org.jmolecules.ddd.types.Identifier;

public record DepartmentId(UUID id) implements Identifier {

	public static DepartmentId of(String id) {
		return new DepartmentId(UUID.fromString(id));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
