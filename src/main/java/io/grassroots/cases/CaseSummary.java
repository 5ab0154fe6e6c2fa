package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/**
 * A case right after a change, built from the case alone (no further reads): what the API answers to intake and
 * transitions.
 *
 * @param created for intake: false when an earlier request with the same idempotency key already made this case
 */
public record CaseSummary(CaseId id, String trackingCode, Channel channel, CaseStatus status, Tier tier, String title,
		CategoryKey category, Urgency urgency, RegionCode region, UUID grid, Placement placement,
		DepartmentId suggestedDepartment, DepartmentId leadDepartment, CaseId suspectedDuplicate, StepDeadline deadline,
		TrafficLight light, long version, boolean created) {

	static CaseSummary of(Case c, Instant now, boolean created) {
		return new CaseSummary(c.id(), c.origin().trackingCode(), c.origin().channel(), c.status(), c.tier(),
				c.matter().title(), c.matter().category(), c.matter().urgency(), c.place().region(), c.place().grid(),
				c.place().placement(), c.origin().suggestedDepartment(), c.leadDepartment(),
				c.origin().suspectedDuplicate(), c.clock() == null ? null : c.clock().deadline(),
				c.clock() == null ? TrafficLight.NONE : c.clock().light(now), c.version(), created);
	}

}
