package io.grassroots.supervision;

import java.time.Instant;

import io.grassroots.cases.CaseId;
import io.grassroots.region.DepartmentId;

/** The department answered a supervision order (督办反馈); late when after the order's deadline. */
public record SupervisionOrderAnswered(SupervisionOrderId id, CaseId caseId, DepartmentId department, boolean late,
		Instant at) {
}
