package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The lead department reported the result with its evidence; onTime says whether within the handling limit. */
public record CaseReportedBack(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, Instant handleDueAt, boolean onTime, StepDeadline deadline, Instant at) implements CaseEvent {
}
