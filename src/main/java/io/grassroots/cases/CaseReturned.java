package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The lead department returned the order (退单) as not its own. */
public record CaseReturned(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, StepDeadline deadline, Instant at) implements CaseEvent {
}
