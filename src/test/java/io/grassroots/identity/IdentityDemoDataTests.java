package io.grassroots.identity;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The demo accounts carry a bcrypt hash of the demo password computed once in advance (decision 0013): it must be
 * the demo password's hash, of the strength the platform's encoder writes, so that the demo accounts sign in with
 * the password the README gives and the encoder does not ask to upgrade it.
 */
@IntegrationTest
class IdentityDemoDataTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theStoredDemoHashMatchesTheDemoPasswordAndNothingElse() {
		var passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		assertThat(passwords.matches(IdentityDemoData.PASSWORD, IdentityDemoData.PASSWORD_HASH)).isTrue();
		assertThat(passwords.matches(IdentityDemoData.PASSWORD + "x", IdentityDemoData.PASSWORD_HASH)).isFalse();
		assertThat(passwords.upgradeEncoding(IdentityDemoData.PASSWORD_HASH)).isFalse();
		assertThat(IdentityDemoData.PASSWORD_HASH).startsWith("{bcrypt}$2a$10$");
	}

	@Test
	void theDemoAccountsSignInWithTheDemoPassword() throws Exception {
		mvc.perform(formLogin("/login").user("dispatcher").password(IdentityDemoData.PASSWORD))
			.andExpect(redirectedUrl("/"));
		mvc.perform(formLogin("/login").user("cadre").password("Grassroots-2025"))
			.andExpect(redirectedUrl("/login?error"));
	}

}
