package io.grassroots.supervision;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record ReminderId(@JsonValue UUID id) implements Identifier {

	@JsonCreator
	public static ReminderId of(String id) {
		return new ReminderId(UUID.fromString(id));
	}

	static ReminderId random() {
		return new ReminderId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
