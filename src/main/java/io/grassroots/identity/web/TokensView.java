package io.grassroots.identity.web;

import java.util.List;

import io.grassroots.identity.ApiTokens.TokenView;
import io.grassroots.identity.IssuedToken;

/**
 * The API tokens of one account, and the token just issued, whose secret is shown this once.
 *
 * @param path where tokens of this account are issued ({@code /revoke} paths hang below it)
 * @param issued the token just issued, or {@code null}
 */
public record TokensView(String path, List<TokenView> tokens, IssuedToken issued) {
}
