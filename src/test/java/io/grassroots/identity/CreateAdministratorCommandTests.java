package io.grassroots.identity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** An empty production database gets its first administrator from a command; bad input opens nothing. */
@IntegrationTest
class CreateAdministratorCommandTests {

	@Autowired
	CreateAdministratorCommand command;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwords;

	final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

	@Test
	void opensAnAdministratorOfTheWholeCountryWhoCanSignIn() {
		assertThat(command.create("chief", "Urumqi-2026-first", out)).isZero();

		var account = accounts.findByUsername("chief").orElseThrow();
		assertThat(account.roles()).containsExactly(Role.ADMINISTRATOR);
		assertThat(passwords.matches("Urumqi-2026-first", account.passwordHash())).isTrue();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Administrator chief opened");
	}

	@Test
	void leavesAnExistingAccountAsItIs() {
		var before = accounts.findByUsername("admin").orElseThrow().passwordHash();

		assertThat(command.create("admin", "Another-password-9", out)).isEqualTo(1);

		assertThat(accounts.findByUsername("admin").orElseThrow().passwordHash()).isEqualTo(before);
	}

	@Test
	void refusesAWeakOrMissingPasswordAndABadUsernameOpeningNothing() {
		assertThat(command.create("weakling", "short1", out)).isEqualTo(2);
		assertThat(command.create("nopassword", null, out)).isEqualTo(2);
		assertThat(command.create("Bad Name!", "Urumqi-2026-first", out)).isEqualTo(2);

		assertThat(accounts.findByUsername("weakling")).isEmpty();
		assertThat(accounts.findByUsername("nopassword")).isEmpty();
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("at least 10").contains(
				CreateAdministratorCommand.PASSWORD_VARIABLE);
	}

}
