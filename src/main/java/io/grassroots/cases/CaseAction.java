package io.grassroots.cases;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.grassroots.identity.Actor;
import io.grassroots.identity.Role;

import static io.grassroots.identity.Role.COMMUNITY_STAFF;
import static io.grassroots.identity.Role.DEPARTMENT_HANDLER;
import static io.grassroots.identity.Role.DISPATCHER;
import static io.grassroots.identity.Role.GRID_WORKER;
import static io.grassroots.identity.Role.SUPERVISOR;

/** Every action of the state table, named by its business verb. */
public enum CaseAction {

	REPORT, RESOLVE_ON_SITE, HAND_OVER, RESOLVE, ESCALATE, ASSIGN_TO_COMMUNITY, ASSIGN_TO_GRID, FILE, REJECT, MERGE,
	DISPATCH, CLAIM, RETURN, REQUEST_EXTENSION, APPROVE_EXTENSION, DENY_EXTENSION, PARK, RESTORE, REPORT_ASSIST,
	REPORT_BACK, VERIFY_PASS, VERIFY_FAIL, EVALUATE, REOPEN, VOID;

	/** The roles that may take this action (scope and assignment are checked besides). */
	public Set<Role> roles() {
		return ROLES.get(this);
	}

	/**
	 * Whether the actor has one of the roles that may take this action (scope and assignment are checked besides).
	 * Without a set and a stream per call: asked on every intake and transition.
	 */
	boolean allowedTo(Actor actor) {
		for (var role : ROLE_ARRAYS.get(this)) {
			if (actor.has(role)) {
				return true;
			}
		}
		return false;
	}

	private Set<Role> rolesOf() {
		return switch (this) {
			case REPORT -> EnumSet.of(DISPATCHER, GRID_WORKER, COMMUNITY_STAFF, SUPERVISOR, Role.ORGANISATION_CADRE,
					Role.BUILDING_HEAD);
			case RESOLVE_ON_SITE, HAND_OVER -> EnumSet.of(GRID_WORKER);
			case ESCALATE -> EnumSet.of(GRID_WORKER, COMMUNITY_STAFF);
			case RESOLVE -> EnumSet.of(COMMUNITY_STAFF);
			case ASSIGN_TO_COMMUNITY, ASSIGN_TO_GRID, FILE, REJECT, MERGE, DISPATCH, APPROVE_EXTENSION, DENY_EXTENSION,
					PARK, RESTORE -> EnumSet.of(DISPATCHER);
			case CLAIM, RETURN, REQUEST_EXTENSION, REPORT_ASSIST, REPORT_BACK -> EnumSet.of(DEPARTMENT_HANDLER);
			case VERIFY_PASS, VERIFY_FAIL -> EnumSet.of(GRID_WORKER, DISPATCHER);
			case EVALUATE -> EnumSet.of(DISPATCHER, SUPERVISOR);
			case REOPEN -> EnumSet.of(SUPERVISOR);
			case VOID -> EnumSet.of(DISPATCHER, SUPERVISOR);
		};
	}

	/** The name of the history entry, e.g. {@code case.dispatched}. */
	public String historyAction() {
		return HISTORY_ACTIONS.get(this);
	}

	/** Worked out once, unmodifiable: asked on every intake and transition. */
	private static final Map<CaseAction, Set<Role>> ROLES = new EnumMap<>(CaseAction.class);

	private static final Map<CaseAction, Role[]> ROLE_ARRAYS = new EnumMap<>(CaseAction.class);

	static {
		for (var action : values()) {
			var roles = action.rolesOf();
			ROLES.put(action, Collections.unmodifiableSet(roles));
			ROLE_ARRAYS.put(action, roles.toArray(Role[]::new));
		}
	}

	/** Worked out once: the names are written with every history entry. */
	private static final Map<CaseAction, String> HISTORY_ACTIONS = new EnumMap<>(CaseAction.class);

	static {
		for (var action : values()) {
			HISTORY_ACTIONS.put(action, camel(action));
		}
	}

	private static String camel(CaseAction action) {
		var words = action.name().toLowerCase().split("_");
		var camel = new StringBuilder(words[0]);
		for (var i = 1; i < words.length; i++) {
			camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return "case." + camel;
	}

}
