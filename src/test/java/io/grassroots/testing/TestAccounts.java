package io.grassroots.testing;

import java.util.Set;
import java.util.UUID;

import io.grassroots.identity.AccountId;
import io.grassroots.identity.AccountProvisioning;
import io.grassroots.identity.ApiTokens;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;

import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Opens accounts with fresh usernames for a test, each with a password and its own API token, so tests never
 * depend on the demo accounts or on each other.
 */
public final class TestAccounts {

	/** The password of every test account. */
	public static final String PASSWORD = "Test-Password-2026";

	private final AccountProvisioning provisioning;

	private final ApiTokens tokens;

	private final UserDetailsService users;

	private TestAccounts(AccountProvisioning provisioning, ApiTokens tokens, UserDetailsService users) {
		this.provisioning = provisioning;
		this.tokens = tokens;
		this.users = users;
	}

	public static TestAccounts in(ApplicationContext context) {
		return new TestAccounts(context.getBean(AccountProvisioning.class), context.getBean(ApiTokens.class),
				context.getBean(UserDetailsService.class));
	}

	/**
	 * Opens an account named {@code <prefix>-<random>} with one role and a scope (a region code, a department
	 * reference such as {@code 652301000000:MARKET_SUPERVISION}, or a grid), and issues it an API token.
	 */
	public TestAccount open(String prefix, Role role, DataScope.Kind scopeKind, String scopeReference) {
		var username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		var id = provisioning.ensure(username, prefix, PASSWORD, Set.of(role), scopeKind, scopeReference);
		var token = SignedIn.as(users, username, () -> tokens.issue(id, "test", null));
		return new TestAccount(id, username, token.secret());
	}

	/** Signs a MockMvc request of the console in as the account (a session, as after form login). */
	public RequestPostProcessor console(TestAccount account) {
		return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(account.username()));
	}

	/** Runs code as the given account (see {@link SignedIn}). */
	public <T> T as(TestAccount account, java.util.function.Supplier<T> work) {
		return SignedIn.as(users, account.username(), work);
	}

	/**
	 * @param token an API token of the account, for {@code Authorization: Bearer}
	 */
	public record TestAccount(AccountId id, String username, String token) {

		public String bearer() {
			return "Bearer " + token;
		}

	}

}
