package io.grassroots.grid;

/** The roles in a grid's "1+X" team: one lead grid worker and the helpers. */
public enum TeamRole {

	/** 专职网格员: the "1". */
	LEAD_GRID_WORKER,
	/** 下沉社区干部: a community cadre working in the grid. */
	COMMUNITY_CADRE,
	/** 楼栋长. */
	BUILDING_HEAD,
	/** 在职党员: an in-service party member serving the grid. */
	IN_SERVICE_PARTY_MEMBER,
	/** 业委会成员. */
	OWNERS_COMMITTEE_MEMBER,
	/** 社区民警 / 辅警: police guarding the grid. */
	POLICE,
	/** 共建单位联络人: the contact of a co-building unit paired with the grid. */
	CO_BUILDING_UNIT,
	/** 志愿者. */
	VOLUNTEER

}
