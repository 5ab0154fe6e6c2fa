package io.grassroots.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts made by the platform itself rather than by an administrator: the demo accounts, and accounts that
 * other modules' demo data move into the places they create. Audited as the system.
 */
@Service
@Transactional
public class AccountProvisioning {

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final Scopes scopes;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccountProvisioning(AccountRepository accounts, PasswordEncoder passwords, Scopes scopes, AuditTrail audit,
			Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** Opens the account unless one with that username exists. */
	public AccountId ensure(String username, String displayName, String password, Set<Role> roles,
			DataScope.Kind scopeKind, String scopeReference) {
		return ensureEncoded(username, displayName, () -> passwords.encode(password), roles, scopeKind, scopeReference);
	}

	/**
	 * The same with the password's hash given, for several accounts that share one password (the demo accounts):
	 * bcrypt is slow on purpose, so hashing the shared password once saves most of their cost at the first start.
	 */
	AccountId ensureEncoded(String username, String displayName, Supplier<String> passwordHash, Set<Role> roles,
			DataScope.Kind scopeKind, String scopeReference) {
		return accounts.findByUsername(username).map(Account::id).orElseGet(() -> {
			var account = accounts.save(Account.open(username, displayName, passwordHash.get(),
					EnumSet.copyOf(roles), scopes.resolve(scopeKind, scopeReference), clock.instant()));
			audit.record(new AuditRecord("account/" + account.id(), "account.opened", "system", "system",
					Map.of("username", username, "roles", roles.stream().map(Enum::name).sorted().toList())));
			return account.id();
		});
	}

	/** Moves an existing account to another scope (for example a grid worker into the grid just created). */
	public void rescope(String username, DataScope.Kind scopeKind, String scopeReference) {
		accounts.findByUsername(username).ifPresent(account -> {
			account.rescope(scopes.resolve(scopeKind, scopeReference));
			accounts.save(account);
			audit.record(new AuditRecord("account/" + account.id(), "account.changed", "system", "system",
					Map.of("scope", scopeKind + ":" + scopeReference)));
			events.publishEvent(new AccountChanged(account.id()));
		});
	}

}
