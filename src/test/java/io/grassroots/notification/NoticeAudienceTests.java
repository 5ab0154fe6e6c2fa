package io.grassroots.notification;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.identity.AccountId;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;
import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice reaches the department, the grid or the region staff it is addressed to, and no one else, whether it was
 * written alone or with a page of others (the deadline sweep's multi-row insert); the badge counts it.
 */
@IntegrationTest
class NoticeAudienceTests {

	static final RegionCode STREET = RegionCode.of("652301001000");

	static final RegionCode COMMUNITY = RegionCode.of("652301001001");

	static final RegionCode OTHER_STREET = RegionCode.of("652301002000");

	@Autowired
	Notices notices;

	@Autowired
	NotificationManagement notifications;

	final Instant at = Instant.parse("2030-03-01T08:00:00Z");

	final UUID department = UUID.randomUUID();

	final UUID grid = UUID.randomUUID();

	@Test
	void aNoticeWrittenAloneReachesOnlyItsAddressee() {
		var toDepartment = new CaseId(UUID.randomUUID());
		var toGrid = new CaseId(UUID.randomUUID());
		var toRegion = new CaseId(UUID.randomUUID());
		notices.toDepartment(new DepartmentId(department), NoticeKind.REMINDER, toDepartment, null, at);
		notices.toGrid(grid, NoticeKind.REMINDER, toGrid, null, at);
		notices.toRegion(COMMUNITY, Set.of(Role.COMMUNITY_STAFF), NoticeKind.REMINDER, toRegion, null, at);

		assertReachesOnlyItsAddressee(toDepartment, toGrid, toRegion);
	}

	@Test
	void aNoticeWrittenWithAPageOfOthersReachesOnlyItsAddressee() {
		var toDepartment = new CaseId(UUID.randomUUID());
		var toGrid = new CaseId(UUID.randomUUID());
		var toRegion = new CaseId(UUID.randomUUID());
		notices.post(List.of(
				Notices.Notice.toDepartment(new DepartmentId(department), NoticeKind.REMINDER, toDepartment, null, at),
				Notices.Notice.toGrid(grid, NoticeKind.REMINDER, toGrid, null, at),
				Notices.Notice.toRegion(COMMUNITY, Set.of(Role.COMMUNITY_STAFF), NoticeKind.REMINDER, toRegion, null,
						at)));

		assertReachesOnlyItsAddressee(toDepartment, toGrid, toRegion);
	}

	private void assertReachesOnlyItsAddressee(CaseId toDepartment, CaseId toGrid, CaseId toRegion) {
		var handler = actor(Role.DEPARTMENT_HANDLER, DataScope.department(department, STREET));
		var gridWorker = actor(Role.GRID_WORKER, DataScope.grid(grid, COMMUNITY));
		var communityStaff = actor(Role.COMMUNITY_STAFF, DataScope.region(STREET));
		assertThat(cases(handler)).containsExactly(toDepartment.id());
		assertThat(cases(gridWorker)).containsExactly(toGrid.id());
		assertThat(cases(communityStaff)).contains(toRegion.id()).doesNotContain(toDepartment.id(), toGrid.id());
		assertThat(notifications.unseen(handler)).isEqualTo(1);
		assertThat(notifications.unseen(gridWorker)).isEqualTo(1);

		assertThat(cases(actor(Role.DEPARTMENT_HANDLER, DataScope.department(UUID.randomUUID(), STREET)))).isEmpty();
		assertThat(cases(actor(Role.GRID_WORKER, DataScope.grid(UUID.randomUUID(), COMMUNITY)))).isEmpty();
		assertThat(cases(actor(Role.DISPATCHER, DataScope.region(STREET)))).doesNotContain(toRegion.id());
		assertThat(cases(actor(Role.COMMUNITY_STAFF, DataScope.region(OTHER_STREET)))).doesNotContain(toRegion.id());
	}

	private List<UUID> cases(Actor actor) {
		return notifications.notices(actor, 200).stream().map(NotificationManagement.Notice::caseId).toList();
	}

	private static Actor actor(Role role, DataScope scope) {
		return new Actor(AccountId.random(), "notice-test", "通知测试", Set.of(role), scope);
	}

}
