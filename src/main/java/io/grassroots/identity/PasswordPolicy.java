package io.grassroots.identity;

import io.grassroots.shared.InvalidInputException;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, letters and digits, and not containing the
 * username. Passwords are stored as bcrypt hashes.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private PasswordPolicy() {
	}

	static void check(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw InvalidInputException.of("password", "identity.password.tooShort", MIN_LENGTH);
		}
		if (password.toLowerCase().contains(username.toLowerCase())) {
			throw InvalidInputException.of("password", "identity.password.containsUsername");
		}
		if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
			throw InvalidInputException.of("password", "identity.password.lettersAndDigits");
		}
	}

}
