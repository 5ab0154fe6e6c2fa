package io.grassroots.grid;

import java.util.List;
import java.util.Map;

/**
 * Everything the grid page shows about one grid.
 *
 * @param commitments which of the four commitments the team meets
 * @param standard the standards of the grid's management type
 * @param households how many households are registered
 * @param overdueVisits how many households are overdue for a visit
 * @param mayChange whether the reader may change the grid, its branch and team
 */
public record GridDetails(GridView grid, List<BranchMember> branchMembers, List<TeamMember> team,
		Map<Commitment, Boolean> commitments, ManagementStandard standard, int households, int overdueVisits,
		boolean mayChange) {

	public GridDetails {
		branchMembers = List.copyOf(branchMembers);
		team = List.copyOf(team);
		commitments = Map.copyOf(commitments);
	}

	public boolean understaffed() {
		return team.size() < standard.staffRequired();
	}

	public boolean hasLead() {
		return team.stream().anyMatch(m -> m.role() == TeamRole.LEAD_GRID_WORKER);
	}

}
