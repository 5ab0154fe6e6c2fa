package io.grassroots.identity.web;

import io.grassroots.shared.InvalidInputException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A new password, typed twice; {@code current} is asked only when people change their own.
 */
record PasswordForm(@Size(max = 200) String current, @NotBlank @Size(max = 200) String password,
		@NotBlank @Size(max = 200) String repeat) {

	/** The new password, once it is known to have been typed the same twice. */
	String confirmed() {
		if (!password.equals(repeat)) {
			throw InvalidInputException.of("repeat", "identity.password.mismatch");
		}
		return password;
	}

}
