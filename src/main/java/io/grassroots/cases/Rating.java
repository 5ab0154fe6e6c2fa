package io.grassroots.cases;

/** The resident's rating of the handling (回访评议). */
public enum Rating {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED,
	/** Nobody answered within the evaluation window. */
	NO_REPLY

}
