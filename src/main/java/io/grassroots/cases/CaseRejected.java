package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/** The dispatcher refused to file the case (不予立案). */
public record CaseRejected(CaseId caseId, RegionCode region, UUID grid, Instant at) implements CaseEvent {
}
