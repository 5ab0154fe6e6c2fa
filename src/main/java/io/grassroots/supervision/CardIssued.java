package io.grassroots.supervision;

import java.time.Instant;

import io.grassroots.cases.CaseId;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** A yellow or red card against a department; caseId is empty for cards not about one case. */
public record CardIssued(CardId id, CardKind kind, CardReason reason, DepartmentId department, RegionCode region,
		CaseId caseId, Instant at) {
}
