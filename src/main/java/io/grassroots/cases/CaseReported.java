package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** A case came in, from any channel, and was placed. */
public record CaseReported(CaseId caseId, RegionCode region, UUID grid, String trackingCode, Channel channel, Tier tier, CategoryKey category, Urgency urgency, DepartmentId suggestedDepartment, CaseId suspectedDuplicate, boolean confidential, StepDeadline deadline, Instant at) implements CaseEvent {
}
