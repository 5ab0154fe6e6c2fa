package io.grassroots.cases;

import java.util.Set;

/**
 * Which cases a queue shows (always within the viewer's scope).
 *
 * @param statuses the states to show; empty for every state
 * @param tier only this tier, or every tier
 * @param extensionPending only cases with an extension waiting for a decision
 * @param text only cases whose title or tracking code contains this, or all
 */
public record CaseFilter(Set<CaseStatus> statuses, Tier tier, boolean extensionPending, String text) {

	public CaseFilter {
		statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
	}

	public static CaseFilter of(CaseStatus... statuses) {
		return new CaseFilter(Set.of(statuses), null, false, null);
	}

	public CaseFilter at(Tier tier) {
		return new CaseFilter(statuses, tier, extensionPending, text);
	}

}
