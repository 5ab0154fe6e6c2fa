package io.grassroots.grid;

/**
 * The three layers of the one network (多网合一). Where layers overlap, the most specific kind wins a point:
 * an institution's compound, then a residential compound, then a police patrol range.
 */
public enum GridKind {

	/** 小区网格: a residential compound. */
	RESIDENTIAL(2),
	/** 单位网格: the compound of an institution (school, hospital, enterprise). */
	INSTITUTIONAL(1),
	/** 警务网格: the patrol range of a police station. */
	POLICE_PATROL(3);

	private final int placementPriority;

	GridKind(int placementPriority) {
		this.placementPriority = placementPriority;
	}

	/** Lower wins where grids of different kinds cover the same point. */
	public int placementPriority() {
		return placementPriority;
	}

}
