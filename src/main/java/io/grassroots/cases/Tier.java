package io.grassroots.cases;

/** Where an open case is being handled (层级): it rises by escalation and goes down by assignment. */
public enum Tier {

	GRID, COMMUNITY, STREET

}
