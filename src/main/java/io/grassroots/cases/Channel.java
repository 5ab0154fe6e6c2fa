package io.grassroots.cases;

/** Where a case came in (来源渠道); each case keeps its channel. */
public enum Channel {

	/** 走访入户 */
	DOOR_TO_DOOR_VISIT,
	/** 街面巡查 */
	STREET_PATROL,
	/** 信访接待 */
	PETITION_RECEPTION,
	/** 视频巡逻 */
	VIDEO_PATROL,
	/** 行风热线 */
	CONDUCT_HOTLINE,
	/** 电话反映 */
	PHONE,
	/** 信箱投诉 */
	MAILBOX,
	/** 网上 (H5, Open311) */
	ONLINE,
	/** 网格员上报 */
	GRID_REPORT,
	/** 组工干部走访 */
	CADRE_VISIT,
	/** 三方联席会议 */
	JOINT_MEETING;

	/** Reports of grid workers start in the grid; every other channel at the street's dispatch centre. */
	public Tier startingTier() {
		return this == GRID_REPORT ? Tier.GRID : Tier.STREET;
	}

}
