package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The lead department claimed the order (接单); onTime says whether it claimed within the claim limit. */
public record CaseClaimed(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, Instant claimDueAt, boolean onTime, StepDeadline deadline, Instant at) implements CaseEvent {
}
