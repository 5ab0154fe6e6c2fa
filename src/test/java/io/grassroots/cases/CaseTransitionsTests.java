package io.grassroots.cases;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentKind;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RuleViolationException;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The tiers, merging, assisting departments, extensions and parking, through the one case service. */
@IntegrationTest
class CaseTransitionsTests {

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTesting testing;

	@Test
	void aGridWorkerResolvesASmallMatterOnTheSpotWithAPhoto() {
		var worker = CaseTesting.gridWorker(UUID.randomUUID());
		var reported = cases.report(worker, CaseScopeTests.gridReport(null));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> cases.resolveOnSite(worker, reported.id(), reported.version(), "已清理", List.of()));
		var closed = cases.resolveOnSite(worker, reported.id(), reported.version(), "已清理",
				List.of(new Upload("done.png", CaseTesting.PNG)));
		assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(queries.view(worker, closed.id()).outcome().resolvedAtTier()).isEqualTo(ResolvedAt.GRID);
	}

	@Test
	void theCommunityResolvesWhatTheGridHandsOverAndEscalatesWhatItCannot() {
		var worker = testing.demo("gridworker");
		var community = CaseTesting.withScope(Role.COMMUNITY_STAFF, DataScope.region(CaseTesting.WEST_STREET));
		var first = cases.report(worker, CaseScopeTests.gridReport(null));
		var handed = cases.handOverToCommunity(worker, first.id(), first.version(), null);
		assertThat(handed.status()).isEqualTo(CaseStatus.COMMUNITY_HANDLING);
		assertThat(handed.deadline().step()).isEqualTo(Step.HANDLE);
		assertThat(cases.resolve(community, handed.id(), handed.version(), "已协调物业清运", List.of()).status())
			.isEqualTo(CaseStatus.CLOSED);

		var second = cases.report(worker, CaseScopeTests.gridReport(null));
		second = cases.handOverToCommunity(worker, second.id(), second.version(), null);
		var escalated = cases.escalate(community, second.id(), second.version(), "需要城管执法");
		assertThat(escalated.tier()).isEqualTo(Tier.STREET);
		assertThat(escalated.status()).isEqualTo(CaseStatus.REPORTED);
		var down = cases.assignDown(testing.demo("dispatcher"), escalated.id(), escalated.version(), Tier.GRID, null);
		assertThat(down.tier()).isEqualTo(Tier.GRID);
	}

	@Test
	void mergingKeepsEveryReporter() {
		var dispatcher = testing.demo("dispatcher");
		var first = cases.report(dispatcher, CaseTesting.vendorReport(null));
		var second = cases.report(dispatcher, CaseTesting.vendorReport(null));
		assertThat(second.suspectedDuplicate()).isNotNull();
		var merged = cases.merge(dispatcher, second.id(), second.version(), first.id(), "同一摊贩");
		assertThat(merged.status()).isEqualTo(CaseStatus.MERGED);
		var view = queries.view(dispatcher, first.id());
		assertThat(view.mergedReporters()).extracting(CaseView.Reporter::phone).containsExactly("13912345678");
		assertThat(view.timeline()).extracting(TimelineEntry::action).contains("case.mergedHere");
		assertThat(queries.reporters(io.grassroots.identity.Actor.system(), first.id())).hasSize(2);
	}

	@Test
	void aDispatcherSeesTheLikelyDuplicatesOfAnOpenCaseNewestFirst() {
		var dispatcher = testing.demo("dispatcher");
		// A point of the dispatcher's own street (a random one could fall in a neighbouring street, outside their scope).
		var lng = 87.2720;
		var lat = 43.9920;
		var category = new CategoryKey("CJT214", "E0501");
		var first = cases.report(dispatcher, CaseTesting.report(Channel.PHONE, category, CaseTesting.WEST_STREET, lng, lat));
		var second = cases.report(dispatcher, CaseTesting.report(Channel.PHONE, category, CaseTesting.WEST_STREET, lng, lat));
		var third = cases.report(dispatcher, CaseTesting.report(Channel.PHONE, category, CaseTesting.WEST_STREET, lng, lat));
		var likely = queries.view(dispatcher, third.id()).duplicates();
		assertThat(likely).extracting(CaseRow::id).startsWith(second.id(), first.id()).doesNotContain(third.id());
		assertThat(likely.get(0).trackingCode()).isEqualTo(second.trackingCode());
		assertThat(likely.get(1).status()).isEqualTo(CaseStatus.REPORTED);
		var community = CaseTesting.withScope(Role.COMMUNITY_STAFF, DataScope.region(third.region()));
		assertThat(queries.view(community, third.id()).duplicates()).isEmpty();
	}

	@Test
	void assistingDepartmentsReportTheirPartBeforeTheLead() {
		var dispatcher = testing.demo("dispatcher");
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		var ecology = testing.department(DepartmentKind.ECOLOGY_ENVIRONMENT);
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		c = cases.file(dispatcher, c.id(), c.version(), new CategoryKey("CJT214", "E0109"), Urgency.NORMAL, false, null);
		c = cases.dispatch(dispatcher, c.id(), c.version(), market.id(), List.of(ecology.id()), "油烟扰民");
		var lead = CaseTesting.handlerOf(market);
		var assistant = CaseTesting.handlerOf(ecology);
		c = cases.claim(lead, c.id(), c.version());
		var claimed = c;
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> cases.reportBack(lead, claimed.id(), claimed.version(), "已整改", List.of()));
		assertThat(queries.view(assistant, c.id()).actions()).containsExactly(CaseAction.REPORT_ASSIST);
		c = cases.reportAssist(assistant, c.id(), c.version(), "油烟检测达标", List.of());
		assertThat(cases.reportBack(lead, c.id(), c.version(), "已整改", List.of()).status())
			.isEqualTo(CaseStatus.REPORTED_BACK);
	}

	@Test
	void anApprovedExtensionMovesTheDeadlineAndParkingStopsTheClock() {
		var dispatcher = testing.demo("dispatcher");
		var handler = testing.demo("handler");
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		c = cases.file(dispatcher, c.id(), c.version(), c.category(), Urgency.NORMAL, false, null);
		c = cases.dispatch(dispatcher, c.id(), c.version(), testing.department(DepartmentKind.MARKET_SUPERVISION).id(),
				List.of(), null);
		c = cases.claim(handler, c.id(), c.version());
		var due = c.deadline().dueAt();
		c = cases.requestExtension(handler, c.id(), c.version(), TimeLimit.workingDays(3), "需要联合执法");
		assertThat(queries.view(dispatcher, c.id()).actions()).contains(CaseAction.APPROVE_EXTENSION);
		c = cases.decideExtension(dispatcher, c.id(), c.version(), true, null);
		assertThat(c.deadline().dueAt()).isAfter(due.plus(Duration.ofDays(2)));
		assertThat(queries.view(dispatcher, c.id()).tally().extensionCount()).isEqualTo(1);
		c = cases.park(dispatcher, c.id(), c.version(), "待拆迁规划");
		assertThat(c.light()).isEqualTo(TrafficLight.PAUSED);
		assertThat(queries.lightChanges(c.deadline().warnAt() == null ? java.time.Instant.EPOCH : c.deadline().warnAt(),
				java.time.Instant.now().plus(Duration.ofDays(400)), 10_000)).extracting(DueCase::id).doesNotContain(c.id());
		c = cases.restore(dispatcher, c.id(), c.version(), null);
		assertThat(c.status()).isEqualTo(CaseStatus.IN_PROGRESS);
		assertThat(c.deadline().dueAt()).isAfterOrEqualTo(due);
	}

	@Test
	void aDissatisfiedResidentsCaseIsReopenedBySupervision() {
		var dispatcher = testing.demo("dispatcher");
		var worker = CaseTesting.gridWorker(UUID.randomUUID());
		var c = cases.report(worker, CaseScopeTests.gridReport(null));
		c = cases.resolveOnSite(worker, c.id(), c.version(), null, List.of(new Upload("p.png", CaseTesting.PNG)));
		c = cases.evaluateByResident(c.trackingCode(), Rating.DISSATISFIED, false, "又满了");
		var supervisor = CaseTesting.withScope(Role.SUPERVISOR, DataScope.region(CaseTesting.CHANGJI));
		var reopened = cases.reopen(supervisor, c.id(), c.version(), "群众不满意，重新办理");
		assertThat(reopened.status()).isEqualTo(CaseStatus.FILED);
		assertThat(queries.view(dispatcher, reopened.id()).tally().reopenCount()).isEqualTo(1);
	}

	@Test
	void aDispatcherVoidsOnlyWithAnApprovalAndRejectsWithAReason() {
		var dispatcher = testing.demo("dispatcher");
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		var reported = c;
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> cases.voidCase(dispatcher, reported.id(), reported.version(), "录入错误", " "));
		assertThat(cases.voidCase(dispatcher, c.id(), c.version(), "录入错误", "街道分管领导批准").status())
			.isEqualTo(CaseStatus.VOID);
		var other = cases.report(dispatcher, CaseTesting.vendorReport(null));
		assertThat(cases.reject(dispatcher, other.id(), other.version(), "不属于受理范围").status())
			.isEqualTo(CaseStatus.REJECTED);
	}

}
