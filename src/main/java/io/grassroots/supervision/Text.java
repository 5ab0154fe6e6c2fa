package io.grassroots.supervision;

import io.grassroots.shared.InvalidInputException;

/** Checks of the free text supervision takes in (notes, answers, titles). */
final class Text {

	private Text() {
	}

	static String required(String where, String value, int max) {
		if (value == null || value.isBlank()) {
			throw InvalidInputException.of(where, "supervision.input.required", where);
		}
		return optional(where, value, max);
	}

	static String optional(String where, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		var text = value.strip();
		if (text.length() > max) {
			throw InvalidInputException.of(where, "supervision.input.tooLong", where, max);
		}
		return text;
	}

}
