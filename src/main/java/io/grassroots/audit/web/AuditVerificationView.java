package io.grassroots.audit.web;

import io.grassroots.audit.Verification;
import io.grassroots.shared.Jobs.JobStatus;

/**
 * A verification of the whole history: its progress while it runs, then its result.
 *
 * @param result the result once the job has succeeded, else {@code null}
 */
public record AuditVerificationView(JobStatus job, Verification result) {
}
