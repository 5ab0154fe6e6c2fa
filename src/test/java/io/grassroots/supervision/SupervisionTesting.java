package io.grassroots.supervision;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.CategoryKey;
import io.grassroots.cases.Channel;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.cases.Intake;
import io.grassroots.cases.Urgency;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Cases and actors for supervision tests, on the Changji demo data. */
@Component
class SupervisionTesting {

	static final RegionCode WEST_STREET = RegionCode.of("652301001001");

	private final CaseManagement cases;

	private final CaseQueries queries;

	private final UserDetailsService accounts;

	private final CurrentUser currentUser;

	private final Departments departments;

	private final JdbcClient jdbc;

	SupervisionTesting(CaseManagement cases, CaseQueries queries, UserDetailsService accounts, CurrentUser currentUser,
			Departments departments, JdbcClient jdbc) {
		this.cases = cases;
		this.queries = queries;
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.departments = departments;
		this.jdbc = jdbc;
	}

	/** The actor of a demo account. */
	Actor demo(String username) {
		var principal = accounts.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null, principal.getAuthorities()));
		try {
			return currentUser.actor();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	DepartmentView market() {
		return departments.suggest(WEST_STREET, DepartmentKind.MARKET_SUPERVISION).orElseThrow();
	}

	DepartmentView housing() {
		return departments.suggest(WEST_STREET, DepartmentKind.HOUSING).orElseThrow();
	}

	/** A case reported by the dispatcher, filed and dispatched to market supervision: its claim clock runs. */
	CaseSummary dispatched(String title) {
		var filed = filed(title);
		return cases.dispatch(demo("dispatcher"), filed.id(), filed.version(), market().id(), List.of(), null);
	}

	/** A case reported by the dispatcher and filed: the street's dispatch clock runs (reminded at yellow and red). */
	CaseSummary filed(String title) {
		var dispatcher = demo("dispatcher");
		var reported = cases.report(dispatcher, new Intake(Channel.PHONE, title, "督办测试", new CategoryKey("CJT214",
				"E0501"), Urgency.NORMAL, 87.2720, 43.9920, CoordinateSystem.WGS84, null, WEST_STREET, "测试居民",
				"13900001111", false, false, UUID.randomUUID().toString(), List.of()));
		return cases.file(dispatcher, reported.id(), reported.version(), new CategoryKey("CJT214", "E0501"),
				Urgency.NORMAL, false, null);
	}

	/** The in-app notices about a case that tell of a reminder. */
	long reminderNotices(CaseId caseId) {
		return jdbc.sql("""
				select count(*) from notification_notice where case_id = :id and kind = 'REMINDER'
				and subject_id in (select id from supervision_reminder where case_id = :id)""")
			.param("id", caseId.id())
			.query(Long.class).single();
	}

	CaseSummary current(CaseId id) {
		return queries.summary(Actor.system(), id);
	}

	long count(String table, CaseId caseId) {
		return jdbc.sql("select count(*) from " + table + " where case_id = :id").param("id", caseId.id())
			.query(Long.class).single();
	}

	long count(String table, CaseId caseId, String where) {
		return jdbc.sql("select count(*) from " + table + " where case_id = :id and " + where).param("id", caseId.id())
			.query(Long.class).single();
	}

	long auditEntries(String streamPrefix) {
		return jdbc.sql("select count(*) from audit_entry where stream like :p").param("p", streamPrefix + "%")
			.query(Long.class).single();
	}

	/** Audit entries about a case in the streams of supervision (reminders, orders, cards). */
	long auditAbout(CaseId caseId) {
		return jdbc.sql("""
				select count(*) from audit_entry where stream = :reminders
				or stream in (select 'supervision-order/' || cast(id as varchar) from supervision_order where case_id = :id)
				or stream in (select 'card/' || cast(id as varchar) from supervision_card where case_id = :id)""")
			.param("id", caseId.id())
			.param("reminders", "reminder/" + caseId)
			.query(Long.class).single();
	}

	Instant watermark(String sweep) {
		return jdbc.sql("select watermark from supervision_sweep where name = :n").param("n", sweep)
			.query(java.sql.Timestamp.class).single().toInstant();
	}

	static Instant before(CaseSummary c) {
		return c.deadline().warnAt().minusSeconds(1);
	}

}
