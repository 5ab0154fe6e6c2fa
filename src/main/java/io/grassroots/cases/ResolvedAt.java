package io.grassroots.cases;

/** Where a closed case was resolved: it feeds the tier shares (小事不出网格、大事不出社区). */
public enum ResolvedAt {

	GRID, COMMUNITY, DEPARTMENT

}
