package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/** The dispatcher filed the case (立案) with its category and urgency confirmed. */
public record CaseFiled(CaseId caseId, RegionCode region, UUID grid, CategoryKey category, Urgency urgency, boolean complex, StepDeadline deadline, Instant at) implements CaseEvent {
}
