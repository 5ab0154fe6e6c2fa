package io.grassroots.cases;

import java.time.Instant;
import java.util.Map;

/** One step of a case's history, read from its audit chain. */
public record TimelineEntry(int seq, Instant at, String action, String actorName, CaseStatus from, CaseStatus to,
		String note, Map<String, Object> details) {
}
