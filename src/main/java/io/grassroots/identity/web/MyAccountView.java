package io.grassroots.identity.web;

import io.grassroots.identity.AccountView;

/** The signed-in account: who it is, where it may look, its password and its own API tokens. */
public record MyAccountView(AccountView account, TokensView tokens) {
}
