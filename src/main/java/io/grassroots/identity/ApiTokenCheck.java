package io.grassroots.identity;

import java.time.Clock;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.LoadingCache;
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

	private final AccountDetailsService details;

	/**
	 * Checked again ahead of the cache time by a background thread while callers go on with the answer they have
	 * ({@link Caches#refreshedAhead}): the intake bench's 32 clients share a token, and every one of them waited while
	 * one checked it again each time it expired (bench/RESULTS.md § intake, intake11).
	 */
	private final LoadingCache<String, Optional<AccountPrincipal>> checked;

	ApiTokenCheck(ApiTokenRepository tokens, AccountRepository accounts, AccountDetailsService details, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.details = details;
		this.clock = clock;
		this.checked = Caches.refreshedAhead(ApiTokens.CACHE_TIME, 10_000, this::check);
	}

	/** The account a presented secret belongs to, if the token is valid and the account enabled. */
	Optional<AccountPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(ApiTokens.PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		return checked.get(ApiTokens.hash(secret));
	}

	private Optional<AccountPrincipal> check(String hash) {
		return tokens.findByTokenHash(hash)
			.filter(t -> t.validAt(clock.instant()))
			.flatMap(t -> accounts.findById(t.account()))
			.filter(Account::enabled)
			.map(details::principal);
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
