package io.grassroots.cases;

/** How urgent a case is; urgent cases get the short limits of the time-limit table. */
public enum Urgency {

	NORMAL, URGENT

}
