package io.grassroots.region;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record DepartmentId(@JsonValue UUID id) implements Identifier {

	@JsonCreator
	public static DepartmentId of(String id) {
		return new DepartmentId(UUID.fromString(id));
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
