package io.grassroots.grid;

import io.grassroots.shared.InvalidInputException;

/** Checks of the short texts people type into the registers. */
final class Texts {

	private Texts() {
	}

	/** A required name of at most {@code max} characters without angle brackets, stripped. */
	static String required(String where, String value, int max) {
		if (value == null || value.isBlank()) {
			throw InvalidInputException.of(where, "grid.text.required");
		}
		return optional(where, value, max);
	}

	static String optional(String where, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.strip();
		if (text.length() > max) {
			throw InvalidInputException.of(where, "grid.text.tooLong", max);
		}
		if (text.chars().anyMatch(c -> c == '<' || c == '>' || Character.isISOControl(c))) {
			throw InvalidInputException.of(where, "grid.text.badCharacters");
		}
		return text;
	}

	/** The problem with a text, as a message key, or {@code null}. */
	static String problem(String value, int max, boolean required) {
		try {
			if (required) {
				required("", value, max);
			}
			else {
				optional("", value, max);
			}
			return null;
		}
		catch (InvalidInputException e) {
			return e.messageKey();
		}
	}

}
