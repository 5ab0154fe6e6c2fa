package io.grassroots.region;

/** The party organisations of the region tree; grid branches live with the grids. */
public enum PartyLevel {

	/** 街道党工委 (乡镇党委 for townships). */
	STREET_WORKING_COMMITTEE,
	/** 社区大党委 (村党组织 for villages). */
	COMMUNITY_COMMITTEE

}
