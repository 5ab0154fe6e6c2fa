package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/** A grid worker handed the case to the community. */
public record CaseHandedOver(CaseId caseId, RegionCode region, UUID grid, StepDeadline deadline, Instant at) implements CaseEvent {
}
