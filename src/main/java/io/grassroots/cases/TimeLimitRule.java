package io.grassroots.cases;

import java.util.Set;
import java.util.UUID;

import io.grassroots.calendar.TimeLimit;

/**
 * One row of the time-limit table. Empty category, urgency or condition match every case; a category matches the
 * categories below it too. Of the rows that match, the most specific wins: the longest category code, then a named
 * urgency, then a named condition.
 */
public record TimeLimitRule(UUID id, CategoryKey category, Urgency urgency, LimitCondition condition, Step step,
		TimeLimit limit, long version) {

	boolean matches(CategoryKey key, Urgency urgency, Set<LimitCondition> conditions, Step step) {
		return this.step == step && (category == null || key != null && key.within(category))
				&& (this.urgency == null || this.urgency == urgency)
				&& (condition == null || conditions.contains(condition));
	}

	int specificity() {
		return (category == null ? 0 : 100 * (1 + category.code().length())) + (urgency == null ? 0 : 10)
				+ (condition == null ? 0 : 1);
	}

}
