package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The result was checked on site: passed closes the case, failed sends it back for rework (返工). */
public record CaseVerified(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, boolean passed, StepDeadline deadline, Instant at) implements CaseEvent {
}
