package io.grassroots.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.Sha256;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and revokes API tokens; {@link ApiTokenCheck} checks the secrets that requests present and caches the
 * answers for {@link #CACHE_TIME}.
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

	private final ApiTokenCheck check;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(ApiTokenRepository tokens, AccountRepository accounts, AccountManagement management,
			CurrentUser currentUser, AuditTrail audit, ApiTokenCheck check, Clock clock) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.management = management;
		this.currentUser = currentUser;
		this.audit = audit;
		this.check = check;
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
		check.forgetAll();
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

	static String hash(String secret) {
		return Sha256.hex(secret.getBytes(StandardCharsets.UTF_8));
	}

	public record TokenView(UUID id, String name, java.time.Instant createdAt, java.time.Instant expiresAt,
			java.time.Instant revokedAt) {
	}

}
