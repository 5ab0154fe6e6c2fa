package io.grassroots.identity;

import java.util.Collection;
import java.util.List;

import io.grassroots.shared.web.ConsoleUser;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in account as Spring Security holds it.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer, ConsoleUser {

	private final Actor actor;

	private final String scopeLabel;

	private final boolean enabled;

	private String passwordHash;

	/** Made once: an API token's principal is cached and asked for them on every request it signs in. */
	private final List<GrantedAuthority> authorities;

	AccountPrincipal(Actor actor, String scopeLabel, String passwordHash, boolean enabled) {
		this.actor = actor;
		this.authorities = actor.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
		this.scopeLabel = scopeLabel;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	Actor actor() {
		return actor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities;
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String displayName() {
		return actor.displayName();
	}

	@Override
	public String scopeLabel() {
		return scopeLabel;
	}

	List<String> roleNames() {
		return actor.roles().stream().map(Enum::name).sorted().toList();
	}

}
