package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/** The case was withdrawn with approval (作废). */
public record CaseVoided(CaseId caseId, RegionCode region, UUID grid, CaseStatus from, Instant at) implements CaseEvent {
}
