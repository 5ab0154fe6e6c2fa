package io.grassroots.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class AccountDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final Scopes scopes;

	AccountDetailsService(AccountRepository accounts, Scopes scopes) {
		this.accounts = accounts;
		this.scopes = scopes;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return accounts.findByUsername(username.strip().toLowerCase())
			.map(this::principal)
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	AccountPrincipal principal(Account account) {
		var actor = new Actor(account.id(), account.username(), account.displayName(), account.roles(),
				account.scope());
		return new AccountPrincipal(actor, scopes.label(account.scope()), account.passwordHash(), account.enabled());
	}

}
