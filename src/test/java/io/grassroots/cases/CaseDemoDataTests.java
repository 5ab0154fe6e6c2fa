package io.grassroots.cases;

import java.util.Arrays;

import io.grassroots.audit.AuditTrail;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo cases cover every state, some of them red, with consistent histories. */
@IntegrationTest
class CaseDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail audit;

	@Test
	void theDemoCasesAreInEveryStateAndSomeAreRed() {
		var states = jdbc.sql("select distinct status from cases_case where description like :mark")
			.param("mark", "%" + CaseDemoTexts.MARK)
			.query(String.class)
			.list();
		assertThat(states).containsAll(Arrays.stream(CaseStatus.values()).map(Enum::name).toList());
		var red = jdbc.sql("select count(*) from cases_case where description like :mark and due_at < current_timestamp")
			.param("mark", "%" + CaseDemoTexts.MARK)
			.query(Long.class)
			.single();
		assertThat(red).isPositive();
		var tiers = jdbc.sql("select distinct resolved_at_tier from cases_case where resolved_at_tier is not null")
			.query(String.class)
			.list();
		assertThat(tiers).contains("GRID", "COMMUNITY", "DEPARTMENT");
		assertThat(audit.verify().firstBroken()).isNull();
	}

}
