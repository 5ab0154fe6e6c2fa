package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** A supervisor reopened an evaluated case that was not resolved or not satisfactory (重办). */
public record CaseReopened(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, StepDeadline deadline, Instant at) implements CaseEvent {
}
