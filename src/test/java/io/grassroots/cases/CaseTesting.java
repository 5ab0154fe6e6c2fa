package io.grassroots.cases;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grassroots.grid.CoordinateSystem;
import io.grassroots.identity.AccountId;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.shared.RegionCode;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Actors, places and reports for case tests, on the Changji demo data. */
@Component
class CaseTesting {

	static final RegionCode WEST_STREET = RegionCode.of("652301001001");

	static final RegionCode NINGBIAN = RegionCode.of("652301001000");

	static final RegionCode CHANGJI = RegionCode.of("652301000000");

	/** A 1×1 PNG, enough for a photo that passes the content check. */
	static final byte[] PNG = java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	private final UserDetailsService accounts;

	private final CurrentUser currentUser;

	private final Departments departments;

	CaseTesting(UserDetailsService accounts, CurrentUser currentUser, Departments departments) {
		this.accounts = accounts;
		this.currentUser = currentUser;
		this.departments = departments;
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

	DepartmentView department(DepartmentKind kind) {
		return departments.suggest(WEST_STREET, kind).orElseThrow();
	}

	static Actor handlerOf(DepartmentView department) {
		return new Actor(AccountId.random(), "h-" + department.kind(), "处置员", Set.of(Role.DEPARTMENT_HANDLER),
				DataScope.department(department.id().id(), department.region()));
	}

	static Actor withScope(Role role, DataScope scope) {
		return new Actor(AccountId.random(), "t-" + role, role.name(), Set.of(role), scope);
	}

	static Actor gridWorker(UUID grid) {
		return withScope(Role.GRID_WORKER, DataScope.grid(grid, WEST_STREET));
	}

	/** A phone report in 西街社区 of an unlicensed street vendor (→ market supervision). */
	static Intake vendorReport(String key) {
		return new Intake(Channel.PHONE, "无照游商占道", "延安北路与北京南路交叉口有流动摊贩占道经营", new CategoryKey("CJT214", "E0501"),
				Urgency.NORMAL, 87.2720, 43.9920, CoordinateSystem.WGS84, "延安北路", WEST_STREET, "张三", "13912345678",
				false, false, key, List.of());
	}

	static Intake report(Channel channel, CategoryKey category, RegionCode community, double lng, double lat) {
		return new Intake(channel, "测试案件", "测试描述", category, Urgency.NORMAL, lng, lat, CoordinateSystem.WGS84, null,
				community, null, null, true, false, null, List.of());
	}

}
