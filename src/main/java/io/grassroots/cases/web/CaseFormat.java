package io.grassroots.cases.web;

import io.grassroots.cases.CaseAction;

/** Formatting the case pages share: hours and minutes left, and the path names of actions. */
public final class CaseFormat {

	private CaseFormat() {
	}

	/** The path an action is posted to: {@code /cases/{id}/actions/<path>}. */
	public static String path(CaseAction action) {
		return switch (action) {
			case ASSIGN_TO_COMMUNITY, ASSIGN_TO_GRID -> "assign-down";
			case VERIFY_PASS, VERIFY_FAIL -> "verify";
			case RETURN -> "return";
			default -> action.name().toLowerCase().replace('_', '-');
		};
	}

	public static long hours(long minutes) {
		return Math.abs(minutes) / 60;
	}

	public static long minutes(long minutes) {
		return Math.abs(minutes) % 60;
	}

}
