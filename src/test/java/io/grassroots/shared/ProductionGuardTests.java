package io.grassroots.shared;

import io.grassroots.GrassrootsApplicationAccess;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The prod profile never runs quietly on the embedded database: without DATABASE_URL, or with an H2 one, the start
 * stops with a message that says what to set.
 */
class ProductionGuardTests {

	@Test
	void prodWithoutDatabaseUrlStopsWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> guard(prod()))
			.withMessageContaining("DATABASE_URL is not set")
			.withMessageContaining("docs/operations.md");
		assertThatIllegalStateException().isThrownBy(() -> guard(prod().withProperty("DATABASE_URL", "  ")))
			.withMessageContaining("DATABASE_URL is not set");
	}

	@Test
	void prodRefusesAnH2Url() {
		assertThatIllegalStateException()
			.isThrownBy(() -> guard(prod().withProperty("DATABASE_URL", "jdbc:h2:file:./data/grassroots")))
			.withMessageContaining("refuses the embedded H2 database");
	}

	@Test
	void prodWithPostgresqlAndOtherProfilesWithoutOnePass() {
		assertThatCode(() -> guard(prod().withProperty("DATABASE_URL", "jdbc:postgresql://db:5432/grassroots")))
			.doesNotThrowAnyException();
		assertThatCode(() -> guard(new MockEnvironment())).doesNotThrowAnyException();
	}

	@Test
	void theApplicationDoesNotStartWithProdAndNoDatabaseUrl() {
		assertThatIllegalStateException()
			.isThrownBy(() -> GrassrootsApplicationAccess.start("--spring.profiles.active=prod", "--DATABASE_URL="))
			.withMessageContaining("The prod profile needs a PostgreSQL database, but DATABASE_URL is not set");
	}

	private static MockEnvironment prod() {
		var environment = new MockEnvironment();
		environment.setActiveProfiles("prod");
		return environment;
	}

	private static void guard(MockEnvironment environment) {
		new ProductionGuard().postProcessEnvironment(environment, new SpringApplication());
	}

}
