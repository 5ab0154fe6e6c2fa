package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/** The dispatcher handed the case down to the community or the grid (下派). */
public record CaseAssignedDown(CaseId caseId, RegionCode region, UUID grid, Tier to, StepDeadline deadline, Instant at) implements CaseEvent {
}
