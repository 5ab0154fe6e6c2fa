package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/** The case was merged into another one; the reporters of both are kept and are to be told. */
public record CaseMerged(CaseId caseId, RegionCode region, UUID grid, CaseId into, Instant at) implements CaseEvent {
}
