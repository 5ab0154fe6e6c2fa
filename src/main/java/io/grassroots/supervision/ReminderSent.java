package io.grassroots.supervision;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.Step;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/**
 * 催办: a reminder went out, automatically at yellow (or red for steps without a department) or by hand. Published
 * inside {@link RemindersSent} (one event per page of the deadline sweep), never on its own.
 */
public record ReminderSent(ReminderId id, CaseId caseId, Step step, Audience audience, DepartmentId department,
		RegionCode region, UUID grid, boolean automatic, Instant at) {
}
