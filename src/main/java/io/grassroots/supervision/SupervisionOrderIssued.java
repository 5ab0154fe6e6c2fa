package io.grassroots.supervision;

import java.time.Instant;

import io.grassroots.cases.CaseId;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** 督办单: a supervision order to a department's head, with its own deadline. */
public record SupervisionOrderIssued(SupervisionOrderId id, CaseId caseId, DepartmentId department, RegionCode region,
		Instant dueAt, boolean automatic, Instant at) {
}
