package io.grassroots.cases;

import java.time.Instant;

/** When a case last passed each milestone of the loop. */
public record Milestones(Instant reportedAt, Instant filedAt, Instant dispatchedAt, Instant claimedAt,
		Instant reportedBackAt, Instant closedAt, Instant evaluatedAt) {

	static Milestones reported(Instant at) {
		return new Milestones(at, null, null, null, null, null, null);
	}

	Milestones filed(Instant at) {
		return new Milestones(reportedAt, at, dispatchedAt, claimedAt, reportedBackAt, closedAt, evaluatedAt);
	}

	Milestones dispatched(Instant at) {
		return new Milestones(reportedAt, filedAt, at, claimedAt, reportedBackAt, closedAt, evaluatedAt);
	}

	Milestones claimed(Instant at) {
		return new Milestones(reportedAt, filedAt, dispatchedAt, at, reportedBackAt, closedAt, evaluatedAt);
	}

	Milestones reportedBack(Instant at) {
		return new Milestones(reportedAt, filedAt, dispatchedAt, claimedAt, at, closedAt, evaluatedAt);
	}

	Milestones closed(Instant at) {
		return new Milestones(reportedAt, filedAt, dispatchedAt, claimedAt, reportedBackAt, at, evaluatedAt);
	}

	Milestones evaluated(Instant at) {
		return new Milestones(reportedAt, filedAt, dispatchedAt, claimedAt, reportedBackAt, closedAt, at);
	}

}
