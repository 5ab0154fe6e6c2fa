package io.grassroots.identity;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins: refused before the password is even checked. */
class LoginThrottledException extends AuthenticationException {

	LoginThrottledException() {
		super("Too many failed sign-ins");
	}

}
