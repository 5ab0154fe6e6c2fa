package io.grassroots.supervision;

import java.time.Instant;
import java.util.List;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.Rating;
import io.grassroots.identity.Actor;

/**
 * The evaluated cases a supervisor may reopen (重办): rated dissatisfied or not resolved, within the supervisor's
 * scope. Implemented by the evaluation module, which keeps the ratings; the supervision board shows them.
 */
public interface ReopenCandidates {

	List<Candidate> reopenable(Actor actor, int limit);

	record Candidate(CaseId caseId, String trackingCode, String title, Rating rating, Boolean resolved,
			String department, Instant evaluatedAt, long version) {
	}

}
