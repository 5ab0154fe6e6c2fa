package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The lead department asked for more time before the deadline. */
public record CaseExtensionRequested(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, TimeLimit extension, Instant at) implements CaseEvent {
}
