package io.grassroots.audit;

import java.util.Map;

/**
 * What to append to the history.
 *
 * @param stream the chain it belongs to, one per aggregate: {@code account/<id>}, {@code case/<id>} …
 * @param action a verb such as {@code account.created} or {@code case.dispatched}
 * @param actorId the account that acted, or {@code system}
 * @param actorName how the actor is shown
 * @param details what changed; kept as canonical JSON and covered by the hash
 */
public record AuditRecord(String stream, String action, String actorId, String actorName, Map<String, ?> details) {

	public AuditRecord {
		details = details == null ? Map.of() : details;
	}

}
