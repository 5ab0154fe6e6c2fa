package io.grassroots.cases;

/** Who gave the evaluation. */
public enum EvaluationSource {

	/** The resident, on the tracking page. */
	RESIDENT,
	/** Staff calling the resident back (回访) and recording the answer. */
	CALLBACK,
	/** The platform, when the evaluation window ran out without an answer. */
	NO_REPLY

}
