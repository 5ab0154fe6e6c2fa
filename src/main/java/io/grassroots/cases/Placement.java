package io.grassroots.cases;

/** How a case found its place. */
public enum Placement {

	/** By its point, in a grid of the grid network. */
	GRID,
	/** By the community the reporter named. */
	NAMED_COMMUNITY,
	/** By the grid or community of the grid worker who reported it. */
	REPORTER_SCOPE,
	/** Not placed: it sits at the region of whoever took it in, for the dispatcher to place. */
	UNPLACED

}
