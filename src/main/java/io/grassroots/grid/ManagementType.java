package io.grassroots.grid;

/** The four management types of a grid, each with its own standards ({@link ManagementStandard}). */
public enum ManagementType {

	/** 日常管理型. */
	ROUTINE,
	/** 一般防范型. */
	GENERAL_PREVENTION,
	/** 重点关注型. */
	KEY_ATTENTION,
	/** 集中整治型. */
	CONCENTRATED_RECTIFICATION

}
