package io.grassroots.cases;

import java.util.List;
import java.util.UUID;

import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentKind;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Nobody sees or acts on a case outside their scope: a department only its orders, a community only its cases, a
 * grid worker only their grid, a dispatcher only their street; a confidential case only its handlers.
 */
@IntegrationTest
class CaseScopeTests {

	static final RegionCode OTHER_STREET = RegionCode.of("652301002000");

	static final RegionCode OTHER_COMMUNITY = RegionCode.of("652301001002");

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseQueries queries;

	@Autowired
	CaseTesting testing;

	@Test
	void departmentsSeeOnlyTheirOrders() {
		var dispatched = dispatchedToMarket();
		var market = CaseTesting.handlerOf(testing.department(DepartmentKind.MARKET_SUPERVISION));
		var water = CaseTesting.handlerOf(testing.department(DepartmentKind.WATER));
		assertThat(queries.view(market, dispatched.id()).actions()).contains(CaseAction.CLAIM, CaseAction.RETURN);
		assertRefused(water, dispatched);
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> cases.claim(water, dispatched.id(), dispatched.version()));
		assertThat(queries.list(water, CaseFilter.of(CaseStatus.DISPATCHED), 500)).extracting(CaseRow::id)
			.doesNotContain(dispatched.id());
		assertThat(queries.list(market, CaseFilter.of(CaseStatus.DISPATCHED), 500)).extracting(CaseRow::id)
			.contains(dispatched.id());
	}

	@Test
	void communitiesAndDispatchersSeeOnlyTheirPart() {
		var reported = cases.report(testing.demo("dispatcher"), CaseTesting.vendorReport(null));
		var ownCommunity = CaseTesting.withScope(Role.COMMUNITY_STAFF, DataScope.region(CaseTesting.WEST_STREET));
		var otherCommunity = CaseTesting.withScope(Role.COMMUNITY_STAFF, DataScope.region(OTHER_COMMUNITY));
		var otherDispatcher = CaseTesting.withScope(Role.DISPATCHER, DataScope.region(OTHER_STREET));
		assertThat(queries.view(ownCommunity, reported.id()).summary().id()).isEqualTo(reported.id());
		assertThat(queries.view(testing.demo("supervisor"), reported.id()).summary().id()).isEqualTo(reported.id());
		assertRefused(otherCommunity, reported);
		assertRefused(otherDispatcher, reported);
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> cases.file(otherDispatcher, reported.id(),
				reported.version(), reported.category(), Urgency.NORMAL, false, null));
		assertThat(queries.list(otherDispatcher, CaseFilter.of(CaseStatus.REPORTED), 500)).extracting(CaseRow::id)
			.doesNotContain(reported.id());
		assertThat(queries.summary(testing.demo("dispatcher"), reported.id()).version()).isEqualTo(reported.version());
	}

	@Test
	void gridWorkersSeeOnlyTheirGrid() {
		var gridA = UUID.randomUUID();
		var workerA = CaseTesting.gridWorker(gridA);
		var workerB = CaseTesting.gridWorker(UUID.randomUUID());
		var reported = cases.report(workerA, gridReport(null));
		assertThat(reported.grid()).isEqualTo(gridA);
		assertThat(reported.tier()).isEqualTo(Tier.GRID);
		assertThat(queries.view(workerA, reported.id()).actions()).contains(CaseAction.HAND_OVER, CaseAction.ESCALATE,
				CaseAction.RESOLVE_ON_SITE);
		assertRefused(workerB, reported);
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> cases.escalate(workerB, reported.id(), reported.version(), "需要部门处理"));
		assertThat(queries.list(workerB, new CaseFilter(java.util.Set.of(), null, false, null), 500))
			.extracting(CaseRow::id).doesNotContain(reported.id());
	}

	@Test
	void confidentialCasesAreSeenOnlyByTheirHandlers() {
		var gridWorker = CaseTesting.gridWorker(UUID.randomUUID());
		var reported = cases.report(gridWorker, gridReport(null));
		var secret = cases.report(testing.demo("dispatcher"), confidential());
		var supervisor = testing.demo("supervisor");
		var community = CaseTesting.withScope(Role.COMMUNITY_STAFF, DataScope.region(CaseTesting.WEST_STREET));
		assertThat(queries.view(testing.demo("dispatcher"), secret.id()).confidential()).isTrue();
		assertRefused(supervisor, secret);
		assertRefused(community, secret);
		assertThat(queries.list(supervisor, CaseFilter.of(CaseStatus.REPORTED), 500)).extracting(CaseRow::id)
			.doesNotContain(secret.id()).contains(reported.id());
		var dispatcher = testing.demo("dispatcher");
		var filed = cases.file(dispatcher, secret.id(), secret.version(), secret.category(), Urgency.NORMAL, false, null);
		var market = testing.department(DepartmentKind.MARKET_SUPERVISION);
		cases.dispatch(dispatcher, filed.id(), filed.version(), market.id(), List.of(), null);
		assertThat(queries.view(CaseTesting.handlerOf(market), secret.id()).confidential()).isTrue();
	}

	@Test
	void personalDataIsMaskedForRolesThatDoNotCallResidentsBack() {
		var reported = cases.report(testing.demo("dispatcher"), CaseTesting.vendorReport(null));
		assertThat(queries.view(testing.demo("dispatcher"), reported.id()).reporter().phone()).isEqualTo("13912345678");
		var masked = queries.view(testing.demo("supervisor"), reported.id()).reporter();
		assertThat(masked.phone()).isEqualTo("139****5678");
		assertThat(masked.name()).isEqualTo("张*");
	}

	@Test
	void staffCannotReportOutsideTheirScope() {
		var otherDispatcher = CaseTesting.withScope(Role.DISPATCHER, DataScope.region(OTHER_STREET));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> cases.report(otherDispatcher, CaseTesting.vendorReport(null)));
		var handler = CaseTesting.handlerOf(testing.department(DepartmentKind.WATER));
		assertThatExceptionOfType(ForbiddenException.class)
			.isThrownBy(() -> cases.report(handler, CaseTesting.vendorReport(null)));
	}

	void assertRefused(Actor actor, CaseSummary subject) {
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> queries.view(actor, subject.id()));
		assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> queries.summary(actor, subject.id()));
	}

	CaseSummary dispatchedToMarket() {
		var dispatcher = testing.demo("dispatcher");
		var c = cases.report(dispatcher, CaseTesting.vendorReport(null));
		c = cases.file(dispatcher, c.id(), c.version(), c.category(), Urgency.NORMAL, false, null);
		return cases.dispatch(dispatcher, c.id(), c.version(), testing.department(DepartmentKind.MARKET_SUPERVISION).id(),
				List.of(), null);
	}

	static Intake gridReport(String key) {
		return new Intake(Channel.GRID_REPORT, "垃圾桶满溢", "小区门口垃圾桶满溢", new CategoryKey("CJT214", "E0102"), Urgency.NORMAL,
				null, null, null, null, null, null, null, true, false, key, List.of());
	}

	static Intake confidential() {
		return new Intake(Channel.PETITION_RECEPTION, "举报无证经营", "匿名举报某店无证经营", new CategoryKey("CJT214", "E0501"),
				Urgency.NORMAL, null, null, null, null, CaseTesting.WEST_STREET, "李四", "13800001111", false, true, null,
				List.of());
	}

}
