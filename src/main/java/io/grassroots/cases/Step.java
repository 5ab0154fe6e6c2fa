package io.grassroots.cases;

/** The steps that have a time limit (时限) in the time-limit table. */
public enum Step {

	/** From the report (or a return, or a reopening) until it is dispatched, handed down or otherwise decided. */
	DISPATCH,
	/** From dispatch until the lead department claims the order: the "response" of the three rates. */
	CLAIM,
	/** From the claim (or handing down, or rework) until the result is reported back. */
	HANDLE,
	/** From the report back until it is verified. */
	VERIFY,
	/** From closure until the resident's evaluation; afterwards it counts as "no reply". */
	EVALUATE

}
