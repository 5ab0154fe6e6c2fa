package io.grassroots.identity.web;

import java.util.List;

import io.grassroots.identity.AccountView;

/**
 * The accounts a viewer's scope covers.
 *
 * @param query the search text, or empty
 * @param manage whether the viewer administers them (links to each account, a button for new ones)
 * @param limit the most accounts the list shows
 */
public record AccountListView(List<AccountView> accounts, String query, boolean manage, int limit) {

	public boolean truncated() {
		return accounts.size() >= limit;
	}

}
