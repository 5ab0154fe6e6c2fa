package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The handling was rated: by the resident, by a staff callback, or as no reply when the window ran out. */
public record CaseEvaluated(CaseId caseId, RegionCode region, UUID grid, DepartmentId department, Rating rating, Boolean resolved, EvaluationSource source, Instant at) implements CaseEvent {
}
