package io.grassroots.cases.web;

import java.util.UUID;

import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.cases.CategoryKey;
import io.grassroots.cases.LimitCondition;
import io.grassroots.cases.Step;
import io.grassroots.cases.TimeLimitRule;
import io.grassroots.cases.Urgency;
import io.grassroots.shared.InvalidInputException;

/** A row of the time-limit table as a form or JSON body; empty category, urgency and condition match everything. */
record TimeLimitForm(String categoryStandard, String categoryCode, Urgency urgency, LimitCondition condition, Step step,
		Integer amount, LimitUnit unit, Long version) {

	TimeLimitRule rule(UUID id) {
		if (step == null) {
			throw InvalidInputException.of("step", "cases.intake.required");
		}
		if (amount == null || unit == null || amount < 0 || amount > TimeLimit.MAX_AMOUNT) {
			throw InvalidInputException.of("amount", "cases.extension.badLimit");
		}
		var standard = IntakeRequest.blankToNull(categoryStandard);
		var code = IntakeRequest.blankToNull(categoryCode);
		if ((standard == null) != (code == null)) {
			throw InvalidInputException.of("categoryCode", "cases.intake.required");
		}
		return new TimeLimitRule(id, standard == null ? null : new CategoryKey(standard, code), urgency, condition, step,
				new TimeLimit(amount, unit), version == null ? 0 : version);
	}

}
