package io.grassroots.shared;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.grassroots.testing.IntegrationTest;
import io.grassroots.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

@IntegrationTest
class PostgresSessionSettingsTests {

	@Autowired
	DataSource dataSource;

	@Test
	void productSessionsOnPostgresqlFlushEvictedPagesEvery256kBAndH2IsLeftAlone() {
		var jdbc = JdbcClient.create(dataSource);
		if (TestDatabase.postgres()) {
			assertThat(jdbc.sql("show backend_flush_after").query(String.class).single()).isEqualTo("256kB");
		}
		else {
			assertThat(jdbc.sql("select 1").query(Integer.class).single()).isEqualTo(1);
			assertThat(((HikariDataSource) dataSource).getDataSourceProperties()).doesNotContainKey("options");
		}
	}

	@Test
	void theSettingJoinsOptionsAlreadyGivenToThePostgresqlDriver() {
		var pool = postgresPool();
		pool.addDataSourceProperty("options", "-c statement_timeout=5s");
		settings("512kB").postProcessAfterInitialization(pool, "dataSource");
		assertThat(pool.getDataSourceProperties().getProperty("options"))
			.isEqualTo("-c statement_timeout=5s -c backend_flush_after=512kB");
	}

	@Test
	void anEmptySettingLeavesTheServersValue() {
		var pool = postgresPool();
		settings("").postProcessAfterInitialization(pool, "dataSource");
		assertThat(pool.getDataSourceProperties()).doesNotContainKey("options");
	}

	@Test
	void aValueThatIsNoSizeStopsTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings("256kB -c fsync=off"))
			.withMessageContaining(PostgresSessionSettings.BACKEND_FLUSH_AFTER);
	}

	private static HikariDataSource postgresPool() {
		var pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/unused");
		return pool;
	}

	private static PostgresSessionSettings settings(String backendFlushAfter) {
		return new PostgresSessionSettings(
				new MockEnvironment().withProperty(PostgresSessionSettings.BACKEND_FLUSH_AFTER, backendFlushAfter));
	}

}
