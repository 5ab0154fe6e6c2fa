package io.grassroots.identity;

/**
 * An account's roles, scope or status changed: what its API tokens may do changed with it.
 */
record AccountChanged(AccountId account) {
}
