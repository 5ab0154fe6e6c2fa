package io.grassroots.cases;

import io.grassroots.region.DepartmentId;

import org.springframework.data.relational.core.mapping.Embedded;

/**
 * How a case came in, fixed at intake: its public tracking code, the idempotency key of the intake, the channel,
 * the reporter, whether it is confidential, the department its category suggests and a likely duplicate.
 *
 * @param intakeKey the SHA-256 of the intake's owner and Idempotency-Key, or empty
 */
public record Origin(String trackingCode, String intakeKey, Channel channel, @Embedded.Empty Reporter reporter,
		boolean confidential, DepartmentId suggestedDepartment, CaseId suspectedDuplicate) {
}
