package io.grassroots.identity;

/**
 * The roles of the glossary. An account may hold several.
 */
public enum Role {

	/** 系统管理员: regions, grids, departments, accounts, categories, time limits, calendars. */
	ADMINISTRATOR,
	/** 调度员: accepts, files, dispatches, approves extensions, verifies and closes. */
	DISPATCHER,
	/** 部门处置人员: claims or returns orders, handles them, reports back. */
	DEPARTMENT_HANDLER,
	/** 督办员: reminders, supervision orders, red and yellow cards, rankings. */
	SUPERVISOR,
	/** 社区干部: handles what the grid cannot, keeps the grid and household registers. */
	COMMUNITY_STAFF,
	/** 网格员: patrols, visits households, reports, resolves small matters on the spot, verifies. */
	GRID_WORKER,
	/** 楼栋长: building head in a grid's 1+X team. */
	BUILDING_HEAD,
	/** 组工干部: plans and records grassroots visits. */
	ORGANISATION_CADRE,
	/** 党建指导员: assigned by the community to a property project. */
	PARTY_INSTRUCTOR,
	/** 质量监督员: inspects a property project's service quality. */
	QUALITY_SUPERVISOR;

	public String authority() {
		return "ROLE_" + name();
	}

}
