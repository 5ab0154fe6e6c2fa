package io.grassroots.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Before the node is ready it rehearses a sign-in's reads with the work pages' (decision 0026, amended by pages12):
 * the account read by its name as a sign-in reads it, for a real account and for a name no account has, and the
 * throttle asked and told of success — without a password check, a write or a failure counted against anyone.
 */
@IntegrationTest
class SignInRehearsalTests {

	@Autowired
	SignInRehearsal rehearsal;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	IdentityProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSignInsReadsAreRehearsedForARealAccountAndAMadeUpNameWithoutWritingOrCountingAFailure() {
		var accounts = jdbc.sql(ACCOUNTS).query(Long.class).single();
		var versions = jdbc.sql(VERSIONS).query(Long.class).single();
		var tokens = jdbc.sql("select count(*) from identity_api_token").query(Long.class).single();
		var first = jdbc.sql("select username from identity_account where scope_region >= :from and scope_region < :to"
				+ " order by scope_region, username limit 1")
			.param("from", RegionCode.ROOT.subtreeFrom())
			.param("to", RegionCode.ROOT.subtreeTo())
			.query(String.class)
			.single();
		// more rounds than the throttle allows failures: none of them counts as one
		for (var round = 0; round < properties.maxFailedLogins() + 2; round++) {
			// the first account of the country's list is found, the made-up name is not
			assertThat(rehearsal.signIns()).isEqualTo(1);
		}
		assertThat(throttle.allows(first, SignInRehearsal.ADDRESS)).isTrue();
		assertThat(throttle.allows(SignInRehearsal.NO_ACCOUNT, SignInRehearsal.ADDRESS)).isTrue();
		// nothing written: the accounts, their versions and the tokens as before
		assertThat(jdbc.sql(ACCOUNTS).query(Long.class).single()).isEqualTo(accounts);
		assertThat(jdbc.sql(VERSIONS).query(Long.class).single()).isEqualTo(versions);
		assertThat(jdbc.sql("select count(*) from identity_api_token").query(Long.class).single()).isEqualTo(tokens);
		// no account can have the made-up name (NewAccount's pattern)
		assertThat(SignInRehearsal.NO_ACCOUNT).doesNotMatch("[a-z0-9][a-z0-9._-]{2,63}");
	}

	private static final String ACCOUNTS = "select count(*) from identity_account";

	private static final String VERSIONS = "select coalesce(sum(version), 0) from identity_account";

}
