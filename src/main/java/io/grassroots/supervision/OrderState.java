package io.grassroots.supervision;

/** Where a supervision order (督办单) stands. */
public enum OrderState {

	/** Issued, waiting for the department. */
	OPEN,
	/** The department answered it (督办反馈). */
	ANSWERED,
	/** The case moved on before the order ran out. */
	SETTLED,
	/** It ran out unanswered while the case was still overdue: a red card followed. */
	EXPIRED

}
