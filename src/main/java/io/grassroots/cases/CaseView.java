package io.grassroots.cases;

import java.util.List;
import java.util.Set;

import io.grassroots.calendar.TimeLimit;

/**
 * A case as its page shows it to one viewer: everything the viewer may see, the reporter masked unless the viewer's
 * role may see personal data, and exactly the actions the viewer may take now.
 */
public record CaseView(CaseSummary summary, String description, String address, Double longitude, Double latitude,
		String categoryPath, String regionName, String suggestedDepartmentName, String leadDepartmentName,
		List<AssistView> assists, Reporter reporter, boolean confidential, Milestones milestones, Tally tally,
		TimeLimit pendingExtension, Outcome outcome, long minutesLeft, List<Attachment> attachments,
		List<TimelineEntry> timeline, Set<CaseAction> actions, String mergedIntoCode, List<CaseRow> duplicates,
		List<Reporter> mergedReporters) {

	/** An assisting department and whether it has reported its part. */
	public record AssistView(String department, java.time.Instant reportedAt) {
	}

	/** The reporter as this viewer may see them. */
	public record Reporter(String name, String phone, boolean anonymous, boolean masked) {
	}

}
