package io.grassroots.cases;

import java.util.ArrayList;
import java.util.List;

import io.grassroots.identity.Actor;
import io.grassroots.identity.Role;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.InvalidInputException.Violation;

/** Checks a report before anything is written, and names every problem with where it is. */
final class IntakeCheck {

	static final int MAX_TITLE = 100;

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_ADDRESS = 200;

	static final int MAX_NAME = 50;

	private IntakeCheck() {
	}

	static void check(Intake intake, Actor actor, Categories categories) {
		var problems = new ArrayList<Violation>();
		if (intake.channel() == null) {
			problems.add(new Violation("channel", "cases.intake.channelRequired"));
		}
		else if (intake.channel() == Channel.GRID_REPORT && !actor.hasAny(Role.GRID_WORKER, Role.BUILDING_HEAD)) {
			problems.add(new Violation("channel", "cases.intake.gridReportByGridWorker"));
		}
		text(problems, "title", intake.title(), true, MAX_TITLE);
		text(problems, "description", intake.description(), true, MAX_DESCRIPTION);
		text(problems, "address", intake.address(), false, MAX_ADDRESS);
		if (intake.category() != null && categories.find(intake.category()).filter(Category::active).isEmpty()) {
			problems.add(new Violation("category", "cases.intake.unknownCategory", intake.category()));
		}
		point(problems, intake.longitude(), intake.latitude());
		if (!intake.anonymous()) {
			text(problems, "reporterName", intake.reporterName(), false, MAX_NAME);
			if (intake.reporterPhone() != null && !intake.reporterPhone().isBlank()
					&& !phone(intake.reporterPhone().strip())) {
				problems.add(new Violation("reporterPhone", "cases.intake.badPhone"));
			}
		}
		if (intake.idempotencyKey() != null && !key(intake.idempotencyKey())) {
			problems.add(new Violation("idempotencyKey", "cases.intake.badKey"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("problem.invalidInput", problems);
		}
	}

	/** As {@code [0-9+\- ]{5,20}}, without a matcher per intake. */
	static boolean phone(String phone) {
		if (phone.length() < 5 || phone.length() > 20) {
			return false;
		}
		for (var i = 0; i < phone.length(); i++) {
			var c = phone.charAt(i);
			if (!(c >= '0' && c <= '9' || c == '+' || c == '-' || c == ' ')) {
				return false;
			}
		}
		return true;
	}

	/** As {@code [\x21-\x7e]{1,100}}: printable ASCII without space, without a matcher per intake. */
	static boolean key(String key) {
		if (key.isEmpty() || key.length() > 100) {
			return false;
		}
		for (var i = 0; i < key.length(); i++) {
			var c = key.charAt(i);
			if (c < 0x21 || c > 0x7e) {
				return false;
			}
		}
		return true;
	}

	private static void text(List<Violation> problems, String where, String value, boolean required, int max) {
		if (required && (value == null || value.isBlank())) {
			problems.add(new Violation(where, "cases.intake.required"));
		}
		else if (value != null && value.strip().length() > max) {
			problems.add(new Violation(where, "cases.intake.tooLong", max));
		}
	}

	/** Both or neither, finite, and inside China's bounding box (73–136° E, 3–54° N). */
	private static void point(List<Violation> problems, Double longitude, Double latitude) {
		if (longitude == null && latitude == null) {
			return;
		}
		if (longitude == null || latitude == null) {
			problems.add(new Violation(longitude == null ? "longitude" : "latitude", "cases.intake.pointIncomplete"));
		}
		else if (!Double.isFinite(longitude) || !Double.isFinite(latitude) || longitude < 73 || longitude > 136
				|| latitude < 3 || latitude > 54) {
			problems.add(new Violation("longitude", "cases.intake.pointOutsideChina", longitude, latitude));
		}
	}

}
