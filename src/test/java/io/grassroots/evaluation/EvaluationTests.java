package io.grassroots.evaluation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.CategoryKey;
import io.grassroots.cases.Channel;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.cases.Intake;
import io.grassroots.cases.Rating;
import io.grassroots.cases.Urgency;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.Departments;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.RuleViolationException;
import io.grassroots.supervision.DeadlineSweep;
import io.grassroots.supervision.ReopenCandidates;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Evaluation of closed cases: callbacks within the window, "no reply" once when the window ends (by the sweep),
 * the resident's rating refused after the window, the department's score, and reopening from the board's list.
 */
@IntegrationTest
class EvaluationTests {

	static final RegionCode WEST_STREET = RegionCode.of("652301001001");

	@Autowired
	EvaluationManagement evaluations;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	DeadlineSweep sweep;

	@Autowired
	ReopenCandidates reopenable;

	@Autowired
	Departments departments;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDissatisfiedCallbackIsOfferedForReopeningUntilTheSupervisorReopensIt() {
		var closed = closed("回访不满意");
		var evaluated = evaluations.callback(demo("dispatcher"), closed.id(), closed.version(), Rating.DISSATISFIED,
				false, "电话回访：问题依旧");
		assertThat(evaluated.status()).isEqualTo(CaseStatus.EVALUATED);
		var supervisor = demo("supervisor");
		assertThat(reopenable.reopenable(supervisor, 500)).anyMatch(c -> c.caseId().equals(closed.id()));

		cases.reopen(supervisor, closed.id(), evaluated.version(), "群众不满意，重办");

		assertThat(reopenable.reopenable(supervisor, 500)).noneMatch(c -> c.caseId().equals(closed.id()));
		assertThat(queries.summary(Actor.system(), closed.id()).status()).isEqualTo(CaseStatus.FILED);
	}

	@Test
	void aSatisfiedCaseCannotBeReopened() {
		var closed = closed("回访满意");
		var evaluated = evaluations.callback(demo("dispatcher"), closed.id(), closed.version(), Rating.SATISFIED, true, null);
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> cases.reopen(demo("supervisor"), closed.id(), evaluated.version(), "试图重办"));
	}

	@Test
	void theSweepRecordsNoReplyOnceWhenTheWindowEnds() {
		var closed = closed("无人评议");
		var windowEnd = closed.deadline().dueAt();

		sweep.window(windowEnd.minusSeconds(1), windowEnd.plusSeconds(1));
		sweep.window(windowEnd.minusSeconds(1), windowEnd.plusSeconds(1));

		var after = queries.summary(Actor.system(), closed.id());
		assertThat(after.status()).isEqualTo(CaseStatus.EVALUATED);
		assertThat(jdbc.sql("select count(*) from audit_entry where stream = :s and action = 'case.evaluate'")
			.param("s", "case/" + closed.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select rating from evaluation_case where case_id = :id").param("id", closed.id().id())
			.query(String.class).single()).isEqualTo("NO_REPLY");
	}

	@Test
	void ratingsAfterTheWindowAreRefusedAndNothingChanges() {
		var closed = closed("评议期已过");
		windowEndedAgo(closed.id(), Duration.ofHours(1));
		assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> evaluations
			.callback(demo("dispatcher"), closed.id(), closed.version() + 1, Rating.SATISFIED, true, null));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> cases.evaluateByResident(closed.trackingCode(), Rating.SATISFIED, true, null));
		assertThat(queries.summary(Actor.system(), closed.id()).status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void callbacksNeedARealRating() {
		var closed = closed("回访评价无效");
		var dispatcher = demo("dispatcher");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> evaluations.callback(dispatcher, closed.id(), closed.version(), Rating.NO_REPLY, null, null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> evaluations.callback(dispatcher, closed.id(), closed.version(), null, true, null));
		assertThat(queries.summary(Actor.system(), closed.id()).status()).isEqualTo(CaseStatus.CLOSED);
	}

	@Test
	void theStreetRatesTheDepartmentOnceFromOneToFive() {
		var closed = closed("部门评分");
		var dispatcher = demo("dispatcher");
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> evaluations.rateDepartment(dispatcher, closed.id(), 0, null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> evaluations.rateDepartment(dispatcher, closed.id(), 6, null));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> evaluations.rateDepartment(demo("handler"), closed.id(), 5, null));
		evaluations.rateDepartment(dispatcher, closed.id(), 4, "处置及时");
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> evaluations.rateDepartment(dispatcher, closed.id(), 5, null));
		assertThat(jdbc.sql("select score from evaluation_department_rating where case_id = :id")
			.param("id", closed.id().id()).query(Integer.class).single()).isEqualTo(4);
	}

	@Test
	void anOpenCaseHasNoDepartmentRatingYet() {
		var open = dispatched("尚未结案");
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> evaluations.rateDepartment(demo("dispatcher"), open.id(), 3, null));
	}

	/**
	 * Moves the end of a case's evaluation window into the past, as if the days had gone by: a write of the case's
	 * row, so a new version, as every write of it is (a node remembers the cases it wrote by version: cases-21).
	 */
	void windowEndedAgo(CaseId id, Duration ago) {
		var end = Instant.now().minus(ago);
		jdbc.sql("update cases_case set warn_at = :warn, due_at = :due, version = version + 1 where id = :id")
			.param("warn", Timestamp.from(end.minus(Duration.ofDays(1)))).param("due", Timestamp.from(end))
			.param("id", id.id()).update();
	}

	CaseSummary dispatched(String title) {
		var dispatcher = demo("dispatcher");
		var market = departments.suggest(WEST_STREET, DepartmentKind.MARKET_SUPERVISION).orElseThrow();
		var reported = cases.report(dispatcher, new Intake(Channel.PHONE, title, "评议测试", new CategoryKey("CJT214",
				"E0501"), Urgency.NORMAL, 87.2720, 43.9920, CoordinateSystem.WGS84, null, WEST_STREET, null, null, true,
				false, UUID.randomUUID().toString(), List.of()));
		var filed = cases.file(dispatcher, reported.id(), reported.version(), new CategoryKey("CJT214", "E0501"),
				Urgency.NORMAL, false, null);
		return cases.dispatch(dispatcher, filed.id(), filed.version(), market.id(), List.of(), null);
	}

	CaseSummary closed(String title) {
		var order = dispatched(title);
		var handler = demo("handler");
		var claimed = cases.claim(handler, order.id(), order.version());
		var back = cases.reportBack(handler, claimed.id(), claimed.version(), "已处置", List.of());
		return cases.verify(demo("dispatcher"), back.id(), back.version(), true, null, List.of());
	}

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

}
