package io.grassroots.notification;

/** What an in-app notice or a delivery tells. */
public enum NoticeKind {

	/** A department got an order (派单). */
	ORDER,
	/** 催办. */
	REMINDER,
	/** 督办单. */
	SUPERVISION_ORDER,
	YELLOW_CARD, RED_CARD,
	/** A whistle called the department (吹哨). */
	WHISTLE,
	/** To reporters: their case was merged into another one. */
	CASE_MERGED,
	/** To reporters: their case was closed; please rate it. */
	CASE_CLOSED

}
