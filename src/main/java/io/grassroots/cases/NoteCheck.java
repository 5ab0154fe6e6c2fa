package io.grassroots.cases;

import io.grassroots.shared.InvalidInputException;

/** Notes, reasons and results typed by people: at most {@link #MAX} characters, required where a reason must be given. */
final class NoteCheck {

	static final int MAX = 1000;

	private NoteCheck() {
	}

	static String required(String where, String text) {
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of(where, "cases.reasonRequired");
		}
		return optional(where, text);
	}

	static String optional(String where, String text) {
		if (text != null && text.strip().length() > MAX) {
			throw InvalidInputException.of(where, "cases.intake.tooLong", MAX);
		}
		return text == null || text.isBlank() ? null : text.strip();
	}

}
