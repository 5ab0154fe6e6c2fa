package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/** The grid or the community could not solve the case; it rose to the street. */
public record CaseEscalated(CaseId caseId, RegionCode region, UUID grid, Tier from, StepDeadline deadline, Instant at) implements CaseEvent {
}
