package io.grassroots.grid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a household's fields, from a form or a file row, and says what is wrong with each.
 */
final class HouseholdCheck {

	private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final String CHECK_DIGITS = "10X98765432";

	private HouseholdCheck() {
	}

	/** The fields as text, as they come from a form or a row. */
	record Raw(String building, String address, String unit, String room, String headName, String members,
			String phone, String idNumber, String tags) {
	}

	/** Checked fields, personal data still in clear (sealed when written). */
	record Checked(String building, String address, String unit, String room, String headName, int members,
			String phone, String idNumber, Set<HouseholdTag> tags) {
	}

	/** What is wrong with one field. */
	record Issue(String field, String messageKey, List<Object> arguments) {
	}

	record Result(Checked checked, List<Issue> issues) {
	}

	static Result check(Raw raw) {
		var issues = new ArrayList<Issue>();
		text(issues, "building", raw.building(), 50, false);
		text(issues, "address", raw.address(), 200, true);
		text(issues, "unit", raw.unit(), 20, false);
		text(issues, "room", raw.room(), 20, false);
		text(issues, "headName", raw.headName(), 100, true);
		int members = 1;
		if (raw.members() != null && !raw.members().isBlank()) {
			try {
				members = Integer.parseInt(raw.members().strip());
			}
			catch (NumberFormatException e) {
				members = -1;
			}
			if (members < 1 || members > 30) {
				issues.add(new Issue("members", "grid.household.badMembers", List.of(raw.members().strip())));
			}
		}
		var phone = blankToNull(raw.phone());
		if (phone != null && !PHONE.matcher(phone.replace(" ", "")).matches()) {
			issues.add(new Issue("phone", "grid.household.badPhone", List.of(phone)));
		}
		var idNumber = blankToNull(raw.idNumber());
		if (idNumber != null && !validIdNumber(idNumber.toUpperCase())) {
			issues.add(new Issue("idNumber", "grid.household.badIdNumber", List.of()));
		}
		var tags = EnumSet.noneOf(HouseholdTag.class);
		if (raw.tags() != null && !raw.tags().isBlank()) {
			for (var text : raw.tags().split("[,;，；、|]")) {
				if (text.isBlank()) {
					continue;
				}
				var tag = HouseholdTag.parse(text);
				if (tag == null) {
					issues.add(new Issue("tags", "grid.household.badTag", List.of(text.strip())));
				}
				else {
					tags.add(tag);
				}
			}
		}
		if (!issues.isEmpty()) {
			return new Result(null, issues);
		}
		return new Result(new Checked(blankToNull(raw.building()), raw.address().strip(), blankToNull(raw.unit()),
				blankToNull(raw.room()), raw.headName().strip(), members,
				phone == null ? null : phone.replace(" ", ""), idNumber == null ? null : idNumber.toUpperCase(), tags),
				List.of());
	}

	private static void text(List<Issue> issues, String field, String value, int max, boolean required) {
		var problem = Texts.problem(value, max, required);
		if (problem != null) {
			issues.add(new Issue(field, problem, List.of(max)));
		}
	}

	/** GB 11643: 17 digits and a check character from the weighted sum modulo 11. */
	static boolean validIdNumber(String id) {
		if (!ID_NUMBER.matcher(id).matches()) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_DIGITS.charAt(sum % 11) == id.charAt(17);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
