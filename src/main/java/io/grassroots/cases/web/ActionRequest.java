package io.grassroots.cases.web;

import java.util.List;
import java.util.UUID;

import io.grassroots.calendar.LimitUnit;
import io.grassroots.cases.Rating;
import io.grassroots.cases.Tier;
import io.grassroots.cases.Urgency;

/**
 * What a transition needs, as the API's JSON body or the console's form: always the version the actor saw, and the
 * fields of that action (a reason, the department, the category …). Fields an action does not use are ignored.
 * The category comes as {@code categoryStandard} and {@code categoryCode}, or as {@code category} written
 * {@code standard:code} (the console's select).
 */
record ActionRequest(Long version, String note, String reason, String result, String category, String categoryStandard,
		String categoryCode, Urgency urgency, Boolean complex, UUID lead, List<UUID> assisting, Integer amount,
		LimitUnit unit, Tier to, String into, Boolean passed, Rating rating, Boolean resolved, String approvedBy) {
}
