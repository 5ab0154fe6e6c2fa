package io.grassroots.supervision;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data runs the real sweep over the demo cases: overdue demo orders have their reminders, supervision
 * orders and cards; the demo whistle has two of its three departments reported in; departments are rated.
 */
@IntegrationTest
class SupervisionDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoCasesAreSupervisedAndTheWhistleIsHalfAnswered() {
		assertThat(count("select count(*) from supervision_reminder where automatic = true")).isPositive();
		assertThat(count("select count(*) from supervision_order where automatic = true")).isPositive();
		assertThat(count("select count(*) from supervision_card where reason = 'OVERDUE'")).isPositive();
		assertThat(count("""
				select count(*) from supervision_whistle_call c join supervision_whistle w on w.id = c.whistle_id
				where w.title like '%（演示）' and c.reported_at is not null""")).isEqualTo(2);
		assertThat(count("select count(*) from evaluation_department_rating")).isPositive();
		assertThat(count("select count(*) from audit_entry where stream like 'supervision-order/%'")).isPositive();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
