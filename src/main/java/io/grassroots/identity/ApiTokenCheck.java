package io.grassroots.identity;

import java.time.Clock;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import io.grassroots.shared.Caches;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Checks the secrets that API requests present. A checked token is cached for {@link ApiTokens#CACHE_TIME}, so a
 * revoked token (or one whose account was disabled or changed) stops working at once on the node that made the
 * change and within that time on every other node. Not a transactional bean: a cached answer (nearly every request)
 * needs no connection and no transaction interceptor, and a miss reads through the repositories, each read-only.
 */
@Component
class ApiTokenCheck {

	private final ApiTokenRepository tokens;

	private final AccountRepository accounts;

	private final Clock clock;

	private final Cache<String, Optional<AccountPrincipal>> checked = Caches.keptByCallers()
		.expireAfterWrite(ApiTokens.CACHE_TIME)
		.maximumSize(10_000)
		.build();

	ApiTokenCheck(ApiTokenRepository tokens, AccountRepository accounts, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The account a presented secret belongs to, if the token is valid and the account enabled. */
	Optional<AccountPrincipal> authenticate(String secret, AccountDetailsService details) {
		if (secret == null || !secret.startsWith(ApiTokens.PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		return checked.get(ApiTokens.hash(secret), h -> tokens.findByTokenHash(h)
			.filter(t -> t.validAt(clock.instant()))
			.flatMap(t -> accounts.findById(t.account()))
			.filter(Account::enabled)
			.map(details::principal));
	}

	/** Every token is checked afresh on its next use (a token was revoked). */
	void forgetAll() {
		checked.invalidateAll();
	}

	/** A changed account's tokens are checked afresh (on this node at once; elsewhere within the cache time). */
	@EventListener
	void accountChanged(AccountChanged event) {
		checked.invalidateAll();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					checked.invalidateAll();
				}
			});
		}
	}

}
