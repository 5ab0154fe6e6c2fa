package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The case was closed (结案), resolved in the grid, the community or by departments. */
public record CaseClosed(CaseId caseId, RegionCode region, UUID grid, ResolvedAt resolvedAt, DepartmentId department, StepDeadline deadline, Instant at) implements CaseEvent {
}
