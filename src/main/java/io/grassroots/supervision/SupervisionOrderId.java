package io.grassroots.supervision;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record SupervisionOrderId(@JsonValue UUID id) implements Identifier {

	@JsonCreator
	public static SupervisionOrderId of(String id) {
		return new SupervisionOrderId(UUID.fromString(id));
	}

	static SupervisionOrderId random() {
		return new SupervisionOrderId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
