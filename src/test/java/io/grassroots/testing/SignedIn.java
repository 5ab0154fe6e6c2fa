package io.grassroots.testing;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs code as a given account, the way a signed-in request would: for calling module APIs (which ask
 * {@code CurrentUser}) from tests, for example to issue an API token as an administrator.
 */
public final class SignedIn {

	private SignedIn() {
	}

	public static <T> T as(UserDetailsService accounts, String username, Supplier<T> work) {
		var principal = accounts.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	public static void run(UserDetailsService accounts, String username, Runnable work) {
		as(accounts, username, () -> {
			work.run();
			return null;
		});
	}

}
