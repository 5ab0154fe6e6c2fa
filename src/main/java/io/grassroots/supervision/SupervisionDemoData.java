package io.grassroots.supervision;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grassroots.identity.AccountId;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.shared.DemoData;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Supervision of the demo cases, derived by the real sweep over the months the demo cases were told in (reminders,
 * orders and cards follow from their deadlines and the clock), plus a whistle order of 宁边路街道 for a noisy
 * construction site at night to which two of the three called departments have reported in.
 */
@Component
class SupervisionDemoData implements DemoData {

	static final RegionCode NINGBIAN = RegionCode.of("652301001000");

	private final DeadlineSweep sweep;

	private final WhistleOrders whistles;

	private final Departments departments;

	private final JdbcClient jdbc;

	private final SupervisionProperties properties;

	private final Clock clock;

	SupervisionDemoData(DeadlineSweep sweep, WhistleOrders whistles, Departments departments, JdbcClient jdbc,
			SupervisionProperties properties, Clock clock) {
		this.sweep = sweep;
		this.whistles = whistles;
		this.departments = departments;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "supervision.demo-supervision";
	}

	@Override
	public int order() {
		return 500;
	}

	@Override
	public void load() {
		var now = clock.instant();
		var upTo = now.minus(properties.settle());
		sweep.window(now.minus(Duration.ofDays(120)), upTo);
		jdbc.sql("insert into supervision_sweep (name, watermark, swept_at) values (:name, :w, :now) on conflict do nothing")
			.param("name", DeadlineSweep.DEADLINES).param("w", Timestamp.from(upTo)).param("now", Timestamp.from(now))
			.update();
		var called = List.of(DepartmentKind.URBAN_MANAGEMENT, DepartmentKind.HOUSING, DepartmentKind.PUBLIC_SECURITY)
			.stream()
			.flatMap(kind -> departments.suggest(NINGBIAN, kind).stream())
			.toList();
		if (called.isEmpty()) {
			return;
		}
		var whistle = whistles.whistle(actor("dispatcher", Role.DISPATCHER, DataScope.region(NINGBIAN), "调度员"),
				new WhistleRequest("夜间建筑工地噪声扰民（演示）", "居民多次反映工地夜间施工，需城管、住建、公安联合执法（演示数据）",
						NINGBIAN.value(), "宁边路与延安北路交叉口工地（演示）", called.stream().map(DepartmentView::id).toList(), 30));
		called.stream().limit(2).forEach(d -> whistles.reportIn(handler(d), whistle, "已到场（演示）"));
	}

	private static Actor handler(DepartmentView department) {
		return actor("handler-" + department.id(), Role.DEPARTMENT_HANDLER,
				DataScope.department(department.id().id(), department.region()), "部门处置员");
	}

	private static Actor actor(String seed, Role role, DataScope scope, String name) {
		return new Actor(new AccountId(UUID.nameUUIDFromBytes(("demo-supervision-" + seed).getBytes(StandardCharsets.UTF_8))),
				"demo-" + role.name().toLowerCase(), name + "（演示）", Set.of(role), scope);
	}

}
