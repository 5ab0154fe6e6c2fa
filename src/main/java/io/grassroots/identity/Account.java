package io.grassroots.identity;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's sign-in to the platform, with the roles they hold and the scope they may see.
 */
@Table("identity_account")
class Account {

	private final @Id AccountId id;

	private final String username;

	private String displayName;

	private String passwordHash;

	@MappedCollection(idColumn = "account")
	private Set<AccountRole> roles;

	@Embedded.Nullable(prefix = "scope_")
	private DataScope scope;

	private boolean enabled;

	private final Instant createdAt;

	private @Version Long version;

	@PersistenceCreator
	Account(AccountId id, String username, String displayName, String passwordHash, Set<AccountRole> roles,
			DataScope scope, boolean enabled, Instant createdAt, Long version) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.roles = roles;
		this.scope = scope;
		this.enabled = enabled;
		this.createdAt = createdAt;
		this.version = version;
	}

	static Account open(String username, String displayName, String passwordHash, Set<Role> roles, DataScope scope,
			Instant now) {
		return new Account(AccountId.random(), username, displayName, passwordHash, toRows(roles), scope, true, now,
				null);
	}

	void describe(String displayName) {
		this.displayName = displayName;
	}

	void grant(Set<Role> roles) {
		this.roles = toRows(roles);
	}

	void rescope(DataScope scope) {
		this.scope = scope;
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	private static Set<AccountRole> toRows(Set<Role> roles) {
		return roles.stream().map(AccountRole::new).collect(Collectors.toSet());
	}

	AccountId id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	Set<Role> roles() {
		return roles.stream().map(AccountRole::role).collect(Collectors.toUnmodifiableSet());
	}

	DataScope scope() {
		return scope;
	}

	boolean enabled() {
		return enabled;
	}

	Instant createdAt() {
		return createdAt;
	}

	Long version() {
		return version;
	}

}
