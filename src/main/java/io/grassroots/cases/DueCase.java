package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/**
 * A case whose light changes, for the deadline sweep of supervision.
 *
 * @param turns the light it turns to at the instant that was crossed: YELLOW at {@code warnAt}, RED at {@code dueAt}
 */
public record DueCase(CaseId id, long version, CaseStatus status, Step step, RegionCode region, UUID grid,
		DepartmentId leadDepartment, Instant warnAt, Instant dueAt, TrafficLight turns) {
}
