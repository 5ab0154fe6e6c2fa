package io.grassroots.cases;

import java.time.Instant;
import java.util.List;

/**
 * What anybody with the tracking code may see of a case: no personal data and no staff names.
 *
 * @param evaluable whether the resident may rate it now (closed, within the evaluation window)
 */
public record TrackingView(String trackingCode, String title, String categoryName, String regionName,
		CaseStatus status, Instant reportedAt, Instant closedAt, List<Step> steps, boolean evaluable, Rating rating,
		Boolean resolved) {

	/** One public step: what happened when. */
	public record Step(Instant at, String action, CaseStatus to) {
	}

}
