package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** A parked case was taken up again: its clock runs on with the time that was left. */
public record CaseRestored(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, StepDeadline deadline, Instant at) implements CaseEvent {
}
