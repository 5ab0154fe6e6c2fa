package io.grassroots.cases;

import java.util.UUID;

import io.grassroots.shared.TimeOrderedIds;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jmolecules.ddd.types.Identifier;

public record CaseId(@JsonValue UUID id) implements Identifier {

	@JsonCreator
	public static CaseId of(String id) {
		return new CaseId(UUID.fromString(id));
	}

	/** A new case's id: time-ordered (decision 0022). */
	static CaseId next() {
		return new CaseId(TimeOrderedIds.next());
	}

	@Override
	public String toString() {
		return id.toString();
	}

}
