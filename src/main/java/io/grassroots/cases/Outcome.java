package io.grassroots.cases;

/**
 * How a case ended: where it was resolved, and the evaluation (rating and whether the problem was actually
 * resolved, in the resident's view).
 */
public record Outcome(ResolvedAt resolvedAtTier, Rating rating, Boolean resolved) {

	static Outcome resolvedAt(ResolvedAt where) {
		return new Outcome(where, null, null);
	}

	Outcome rated(Rating rating, Boolean resolved) {
		return new Outcome(resolvedAtTier, rating, resolved);
	}

	boolean unsatisfactory() {
		return rating == Rating.DISSATISFIED || Boolean.FALSE.equals(resolved);
	}

}
