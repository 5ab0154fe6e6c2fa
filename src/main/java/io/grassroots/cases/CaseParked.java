package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The case was parked (挂账): its clock stopped. */
public record CaseParked(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, Instant at) implements CaseEvent {
}
