package io.grassroots.identity;

import java.util.Arrays;
import java.util.Set;

/**
 * Who is acting: the signed-in account, or the system itself for scheduled work.
 */
public record Actor(AccountId id, String username, String displayName, Set<Role> roles, DataScope scope) {

	private static final AccountId SYSTEM_ID = new AccountId(new java.util.UUID(0, 0));

	public Actor {
		roles = Set.copyOf(roles);
	}

	/** The platform acting on its own (deadline sweeps, demo data); it sees everything and holds no role. */
	public static Actor system() {
		return new Actor(SYSTEM_ID, "system", "system", Set.of(), DataScope.everything());
	}

	public boolean isSystem() {
		return SYSTEM_ID.equals(id);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... candidates) {
		return Arrays.stream(candidates).anyMatch(roles::contains);
	}

}
