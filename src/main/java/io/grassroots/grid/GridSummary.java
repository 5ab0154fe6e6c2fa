package io.grassroots.grid;

/**
 * One line of the network's registers: a grid with the figures that flag it.
 *
 * @param teamSize members of its "1+X" team
 * @param staffRequired what its management type requires
 * @param overdueVisits households overdue for a visit
 */
public record GridSummary(GridView grid, int teamSize, int staffRequired, int overdueVisits) {

	public boolean hasBranch() {
		return grid.branchName() != null;
	}

	public boolean hasSecretary() {
		return grid.branchSecretary() != null;
	}

	public boolean belowStandard() {
		return teamSize < staffRequired || overdueVisits > 0;
	}

}
