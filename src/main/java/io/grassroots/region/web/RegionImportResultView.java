package io.grassroots.region.web;

import io.grassroots.shared.ImportReport;
import io.grassroots.shared.Jobs.JobStatus;

/**
 * An import job: its progress while it runs, then its report.
 *
 * @param report what the import did (or, for a check, would do), once the job has succeeded; else {@code null}
 */
public record RegionImportResultView(JobStatus job, ImportReport report) {
}
