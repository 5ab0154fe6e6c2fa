package io.grassroots.cases.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.grassroots.cases.CaseAction;
import io.grassroots.shared.BeijingTime;

/** Formatting the case pages share: Beijing time, and the path names of actions. */
public final class CaseFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BeijingTime.ZONE);

	private CaseFormat() {
	}

	public static String time(Instant instant) {
		return instant == null ? "" : TIME.format(instant);
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
