package io.grassroots.grid;

/**
 * The four commitments (四个下沉) of the source model. Each is met by a team member in the matching role, so
 * the team register is the single record of both.
 */
public enum Commitment {

	/** 社区干部进网格. */
	COMMUNITY_CADRES_IN_GRID(TeamRole.COMMUNITY_CADRE),
	/** 共建单位联网格. */
	UNIT_PAIRED_WITH_GRID(TeamRole.CO_BUILDING_UNIT),
	/** 在职党员服务网格. */
	PARTY_MEMBERS_SERVE_GRID(TeamRole.IN_SERVICE_PARTY_MEMBER),
	/** 民警守护网格. */
	POLICE_GUARD_GRID(TeamRole.POLICE);

	private final TeamRole role;

	Commitment(TeamRole role) {
		this.role = role;
	}

	public TeamRole role() {
		return role;
	}

}
