package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** An assisting department reported its part. */
public record CaseAssistReported(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, Instant at) implements CaseEvent {
}
