package io.grassroots.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.CategoryKey;
import io.grassroots.cases.Channel;
import io.grassroots.cases.Intake;
import io.grassroots.cases.Rating;
import io.grassroots.cases.Urgency;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.Departments;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly counters follow the case events: one full lifecycle adds one dispatched order claimed in time, one
 * closure by a department, one rating, resolved and satisfied, to its community and its department; the rates and
 * bands are computed from them.
 */
@IntegrationTest
class IndicatorsTests {

	static final RegionCode WEST_STREET = RegionCode.of("652301001001");

	@Autowired
	Indicators indicators;

	@Autowired
	EvaluationManagement evaluations;

	@Autowired
	CaseManagement cases;

	@Autowired
	Departments departments;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLifecycleCountsOnceInItsCommunityAndItsDepartment() {
		var dispatcher = demo("dispatcher");
		var market = departments.suggest(WEST_STREET, DepartmentKind.MARKET_SUPERVISION).orElseThrow();
		var reported = cases.report(dispatcher, new Intake(Channel.PHONE, "指标测试", "指标", new CategoryKey("CJT214", "E0501"),
				Urgency.NORMAL, 87.2720, 43.9920, CoordinateSystem.WGS84, null, WEST_STREET, null, null, true, false,
				UUID.randomUUID().toString(), List.of()));
		var month = YearMonth.from(Instant.now().atZone(BeijingTime.ZONE));
		var community = reported.region().value();
		var before = row(dispatcher, month, Indicators.Unit.COMMUNITY, community);
		var departmentBefore = row(demo("handler"), month, Indicators.Unit.DEPARTMENT, market.id().toString());

		var filed = cases.file(dispatcher, reported.id(), reported.version(), new CategoryKey("CJT214", "E0501"),
				Urgency.NORMAL, false, null);
		var order = cases.dispatch(dispatcher, filed.id(), filed.version(), market.id(), List.of(), null);
		var handler = demo("handler");
		var claimed = cases.claim(handler, order.id(), order.version());
		var back = cases.reportBack(handler, claimed.id(), claimed.version(), "已处置", List.of());
		var closed = cases.verify(dispatcher, back.id(), back.version(), true, null, List.of());
		evaluations.callback(dispatcher, closed.id(), closed.version(), Rating.BASICALLY_SATISFIED, true, null);

		var after = row(dispatcher, month, Indicators.Unit.COMMUNITY, community);
		assertThat(after.dispatched() - before.dispatched()).isEqualTo(1);
		assertThat(after.claimedOnTime() - before.claimedOnTime()).isEqualTo(1);
		assertThat(after.closedDepartment() - before.closedDepartment()).isEqualTo(1);
		assertThat(after.rated() - before.rated()).isEqualTo(1);
		assertThat(after.resolved() - before.resolved()).isEqualTo(1);
		assertThat(after.satisfied() - before.satisfied()).isEqualTo(1);
		assertThat(after.responseRate()).isNotNull();
		var departmentAfter = row(handler, month, Indicators.Unit.DEPARTMENT, market.id().toString());
		assertThat(departmentAfter.closed() - departmentBefore.closed()).isEqualTo(1);
		assertThat(departmentAfter.name()).isEqualTo(market.name());
		assertThat(indicators.of(handler, month, Indicators.Unit.DEPARTMENT)).extracting(IndicatorRow::unit)
			.containsOnly(market.id().toString());
	}

	@Test
	void concurrentDispatchesOfManyCasesAreCountedOnceEachAcrossTheSlots() throws Exception {
		var dispatcher = demo("dispatcher");
		var market = departments.suggest(WEST_STREET, DepartmentKind.MARKET_SUPERVISION).orElseThrow();
		var month = YearMonth.from(Instant.now().atZone(BeijingTime.ZONE));
		var filed = new ArrayList<CaseSummary>();
		for (var i = 0; i < 16; i++) {
			var reported = cases.report(dispatcher, new Intake(Channel.PHONE, "分槽计数 " + i, "指标",
					new CategoryKey("CJT214", "E0501"), Urgency.NORMAL, 87.2720, 43.9920, CoordinateSystem.WGS84, null,
					WEST_STREET, null, null, true, false, UUID.randomUUID().toString(), List.of()));
			filed.add(cases.file(dispatcher, reported.id(), reported.version(), new CategoryKey("CJT214", "E0501"),
					Urgency.NORMAL, false, null));
		}
		var community = filed.get(0).region().value();
		var before = row(dispatcher, month, Indicators.Unit.COMMUNITY, community);
		var departmentBefore = row(demo("handler"), month, Indicators.Unit.DEPARTMENT, market.id().toString());

		var pool = Executors.newFixedThreadPool(4);
		try {
			var start = new CountDownLatch(1);
			var dispatches = filed.stream().map(c -> pool.submit(() -> {
				start.await();
				return cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(), null);
			})).toList();
			start.countDown();
			for (var dispatch : dispatches) {
				dispatch.get();
			}
		}
		finally {
			pool.shutdown();
		}

		var after = row(dispatcher, month, Indicators.Unit.COMMUNITY, community);
		assertThat(after.dispatched() - before.dispatched()).isEqualTo(16);
		var departmentAfter = row(demo("handler"), month, Indicators.Unit.DEPARTMENT, market.id().toString());
		assertThat(departmentAfter.dispatched() - departmentBefore.dispatched()).isEqualTo(16);
		var slots = filed.stream().map(c -> MonthTally.slot(c.id())).distinct().count();
		assertThat(slots).as("16 cases over %d slots", MonthTally.SLOTS).isGreaterThan(1);
		assertThat(jdbc.sql("""
				select count(distinct slot) from evaluation_month_tally where tally_month = ? and region = ?
				and department = ? and dispatched > 0""")
			.params(month.toString(), community, market.id().id())
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(slots);
	}

	@Test
	void ratesAndBandsFollowTheirFormulas() {
		var properties = new EvaluationProperties(0.3, 0.35, 0.35, 0.9, 0.8, 0.6);
		assertThat(Indicators.rate(3, 4)).isEqualTo(0.75);
		assertThat(Indicators.rate(1, 0)).isNull();
		assertThat(properties.band(0.95)).isEqualTo(RankingBand.ADVANCED);
		assertThat(properties.band(0.85)).isEqualTo(RankingBand.IMPROVING);
		assertThat(properties.band(0.6)).isEqualTo(RankingBand.NEEDS_RECTIFICATION);
		assertThat(properties.band(0.59)).isEqualTo(RankingBand.SPECIAL_GOVERNANCE);
		var row = new Indicators(null, null, null, properties).row("652301001", null, new int[] { 10, 0, 9, 0, 0, 4, 0, 0,
				4, 4, 4, 3 });
		assertThat(row.responseRate()).isEqualTo(0.9);
		assertThat(row.satisfactionRate()).isEqualTo(0.75);
		assertThat(row.composite()).isCloseTo(0.3 * 0.9 + 0.35 * 1.0 + 0.35 * 0.75, org.assertj.core.data.Offset.offset(1e-9));
	}

	private IndicatorRow row(Actor actor, YearMonth month, Indicators.Unit by, String unit) {
		return indicators.of(actor, month, by).stream().filter(r -> r.unit().equals(unit)).findFirst()
			.orElse(new Indicators(null, null, null, new EvaluationProperties(0.3, 0.35, 0.35, 0.9, 0.8, 0.6))
				.row(unit, null, new int[12]));
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
