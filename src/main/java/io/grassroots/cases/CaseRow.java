package io.grassroots.cases;

import java.time.Instant;

/**
 * A case as a row of a work queue.
 *
 * @param minutesLeft time left on the step's clock in minutes (negative when overdue); working minutes for working
 * limits
 */
public record CaseRow(CaseId id, String trackingCode, String title, Channel channel, CaseStatus status, Tier tier,
		Urgency urgency, String categoryName, String regionName, String leadDepartment, String suggestedDepartment,
		CaseId suspectedDuplicate, boolean confidential, TrafficLight light, long minutesLeft, Instant dueAt,
		Instant reportedAt, boolean extensionPending, long version) {
}
