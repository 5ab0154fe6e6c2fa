package io.grassroots.identity;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A bearer token for the REST API, stored as the SHA-256 of its secret.
 */
@Table("identity_api_token")
class ApiToken {

	private final @Id UUID id;

	private final AccountId account;

	private final String name;

	private final String tokenHash;

	private final Instant createdAt;

	private final Instant expiresAt;

	private Instant revokedAt;

	private @Version Long version;

	@PersistenceCreator
	ApiToken(UUID id, AccountId account, String name, String tokenHash, Instant createdAt, Instant expiresAt,
			Instant revokedAt, Long version) {
		this.id = id;
		this.account = account;
		this.name = name;
		this.tokenHash = tokenHash;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.revokedAt = revokedAt;
		this.version = version;
	}

	static ApiToken issue(AccountId account, String name, String tokenHash, Instant now, Instant expiresAt) {
		return new ApiToken(UUID.randomUUID(), account, name, tokenHash, now, expiresAt, null, null);
	}

	void revoke(Instant now) {
		if (revokedAt == null) {
			revokedAt = now;
		}
	}

	boolean validAt(Instant now) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
	}

	UUID id() {
		return id;
	}

	AccountId account() {
		return account;
	}

	String name() {
		return name;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Instant revokedAt() {
		return revokedAt;
	}

}
