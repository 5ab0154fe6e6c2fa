package io.grassroots.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.NotFoundException;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues, revokes and checks API tokens. A checked token is cached for a short while, so a revoked token (or one
 * whose account was disabled or changed) stops working at once on the node that made the change and within
 * {@link #CACHE_TIME} on every other node.
 */
@Service
@Transactional
public class ApiTokens {

	static final String PREFIX = "grt_";

	static final Duration CACHE_TIME = Duration.ofSeconds(30);

	private final ApiTokenRepository tokens;

	private final AccountRepository accounts;

	private final AccountManagement management;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Cache<String, Optional<AccountPrincipal>> checked = Caffeine.newBuilder()
		.expireAfterWrite(CACHE_TIME)
		.maximumSize(10_000)
		.build();

	ApiTokens(ApiTokenRepository tokens, AccountRepository accounts, AccountManagement management,
			CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.management = management;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/** Issues a token for an account: the account itself, or an administrator whose scope covers it. */
	public IssuedToken issue(AccountId accountId, String name, Duration validity) {
		var actor = currentUser.actor();
		var account = accounts.findById(accountId)
			.orElseThrow(() -> new NotFoundException("identity.account.notFound", accountId));
		if (!actor.id().equals(accountId)
				&& !(actor.has(Role.ADMINISTRATOR) && actor.scope().covers(account.scope()))) {
			throw new ForbiddenException("problem.forbidden");
		}
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var now = clock.instant();
		var expires = validity == null ? null : now.plus(validity);
		var token = tokens.save(ApiToken.issue(accountId, name, hash(secret), now, expires));
		audit.record(new AuditRecord("account/" + accountId, "account.tokenIssued", actor.id().toString(),
				actor.displayName(), Map.of("token", token.id().toString(), "name", name)));
		return new IssuedToken(token.id(), name, secret, expires);
	}

	public void revoke(UUID tokenId) {
		var actor = currentUser.actor();
		var token = tokens.findById(tokenId).orElseThrow(() -> new NotFoundException("identity.token.notFound", tokenId));
		var account = accounts.findById(token.account()).orElseThrow();
		if (!actor.id().equals(token.account())
				&& !(actor.has(Role.ADMINISTRATOR) && actor.scope().covers(account.scope()))) {
			throw new ForbiddenException("problem.forbidden");
		}
		token.revoke(clock.instant());
		tokens.save(token);
		checked.invalidateAll();
		audit.record(new AuditRecord("account/" + token.account(), "account.tokenRevoked", actor.id().toString(),
				actor.displayName(), Map.of("token", tokenId.toString())));
	}

	@Transactional(readOnly = true)
	public List<TokenView> of(AccountId accountId) {
		management.get(accountId);
		return tokens.findByAccountOrderByCreatedAtDesc(accountId)
			.stream()
			.map(t -> new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt()))
			.toList();
	}

	/**
	 * The account a presented secret belongs to, if the token is valid and the account enabled. Joins no transaction
	 * of its own: a cached answer needs no connection, and a miss reads through the repositories (each read-only).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	Optional<AccountPrincipal> authenticate(String secret, AccountDetailsService details) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		var hash = hash(secret);
		return checked.get(hash, h -> tokens.findByTokenHash(h)
			.filter(t -> t.validAt(clock.instant()))
			.flatMap(t -> accounts.findById(t.account()))
			.filter(Account::enabled)
			.map(details::principal));
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

	static String hash(String secret) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public record TokenView(UUID id, String name, java.time.Instant createdAt, java.time.Instant expiresAt,
			java.time.Instant revokedAt) {
	}

}
