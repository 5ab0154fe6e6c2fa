package io.grassroots.supervision;

/** Who a reminder is addressed to: the lead department, the grid, or the staff of the case's region. */
public enum Audience {

	DEPARTMENT, GRID, REGION

}
