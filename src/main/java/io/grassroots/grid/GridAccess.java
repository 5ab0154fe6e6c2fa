package io.grassroots.grid;

import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.RegionCode;

/**
 * Who may do what with grids and their registers.
 * <ul>
 * <li>Read the network (shapes, codes, teams, branches): a region scope covering the grid's community, a department
 * scope whose region covers it, or a grid scope of that very grid.</li>
 * <li>Change the network (draw, import, reshape, describe, branch, team, outlines): administrators and community
 * staff whose region scope covers the community.</li>
 * <li>Read and keep the household registers and visits: administrators, community staff and grid workers, in
 * their region scope or their own grid.</li>
 * <li>See phone and ID numbers in clear: the grid worker of that grid and the community staff of its community;
 * everybody else, administrators included, sees them masked.</li>
 * </ul>
 */
final class GridAccess {

	private GridAccess() {
	}

	static boolean mayRead(Actor actor, GridId grid, RegionCode community) {
		var scope = actor.scope();
		return switch (scope.kind()) {
			case REGION, DEPARTMENT -> scope.coversRegion(community);
			case GRID -> scope.grid().equals(grid.id());
		};
	}

	static void checkRead(Actor actor, GridId grid, RegionCode community) {
		if (!mayRead(actor, grid, community)) {
			throw new ForbiddenException("problem.outsideScope");
		}
	}

	static void checkNetworkChange(Actor actor, RegionCode community) {
		if (!actor.hasAny(Role.ADMINISTRATOR, Role.COMMUNITY_STAFF)) {
			throw new ForbiddenException("problem.forbidden");
		}
		if (actor.scope().kind() != DataScope.Kind.REGION || !actor.scope().coversRegion(community)) {
			throw new ForbiddenException("problem.outsideScope");
		}
	}

	static boolean mayKeepRegisters(Actor actor) {
		return actor.hasAny(Role.ADMINISTRATOR, Role.COMMUNITY_STAFF, Role.GRID_WORKER);
	}

	static void checkRegisters(Actor actor, GridId grid, RegionCode community) {
		if (!mayKeepRegisters(actor) || actor.scope().kind() == DataScope.Kind.DEPARTMENT) {
			throw new ForbiddenException("problem.forbidden");
		}
		checkRead(actor, grid, community);
	}

	static boolean seesPersonalData(Actor actor, GridId grid, RegionCode community) {
		var scope = actor.scope();
		if (actor.has(Role.GRID_WORKER) && scope.kind() == DataScope.Kind.GRID && scope.grid().equals(grid.id())) {
			return true;
		}
		return actor.has(Role.COMMUNITY_STAFF) && scope.kind() == DataScope.Kind.REGION
				&& scope.coversRegion(community);
	}

}
