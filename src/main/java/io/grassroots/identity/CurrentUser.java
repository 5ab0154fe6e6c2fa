package io.grassroots.identity;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is calling, for every module: the signed-in account of the console or of an API token.
 */
@Component
public class CurrentUser {

	public Optional<Actor> find() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	/** The acting account; fails with an authentication error when nobody is signed in. */
	public Actor actor() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
	}

}
