package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The dispatcher approved or denied an extension; when approved the deadline moved. */
public record CaseExtensionDecided(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, TimeLimit extension, boolean approved, StepDeadline deadline, Instant at) implements CaseEvent {
}
