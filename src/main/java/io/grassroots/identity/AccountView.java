package io.grassroots.identity;

import java.util.Set;

/**
 * An account as others see it: no password, no token.
 */
public record AccountView(AccountId id, String username, String displayName, Set<Role> roles, DataScope scope,
		String scopeLabel, boolean enabled, long version) {
}
