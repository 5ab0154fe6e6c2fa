package io.grassroots.cases.web;

import io.grassroots.shared.InvalidInputException;

import org.springframework.validation.BindingResult;

/** Form fields that could not be read (a word where a number belongs …) become a 400 naming each field. */
final class Binding {

	private Binding() {
	}

	static void check(BindingResult result) {
		if (result.hasErrors()) {
			throw new InvalidInputException("problem.invalidInput", result.getFieldErrors()
				.stream()
				.map(e -> new InvalidInputException.Violation(e.getField(), "problem.badField", e.getField()))
				.toList());
		}
	}

}
