package io.grassroots.cases;

/** Conditions that select a row of the time-limit table besides category and urgency. */
public enum LimitCondition {

	/** Filed as complex (复杂疑难): the long handling limit. */
	COMPLEX,
	/** In a village: verification takes longer. */
	RURAL

}
