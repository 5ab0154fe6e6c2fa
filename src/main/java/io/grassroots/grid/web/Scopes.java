package io.grassroots.grid.web;

import io.grassroots.identity.Actor;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

/** The subtree a page looks at: the one asked for, or the reader's own scope. */
final class Scopes {

	private Scopes() {
	}

	static RegionCode within(Actor actor, String requested) {
		if (requested == null || requested.isBlank()) {
			return actor.scope().region();
		}
		try {
			return RegionCode.padded(requested.strip());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("within", "grid.community.badCode", requested);
		}
	}

}
