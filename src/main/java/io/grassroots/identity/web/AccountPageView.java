package io.grassroots.identity.web;

import java.util.List;

import io.grassroots.audit.AuditEntry;
import io.grassroots.identity.AccountView;

/**
 * One account as its administrator sees it: the change form, its status, its API tokens and its history.
 */
public record AccountPageView(AccountView account, AccountFormView choices, TokensView tokens,
		List<AuditEntry> history) {
}
