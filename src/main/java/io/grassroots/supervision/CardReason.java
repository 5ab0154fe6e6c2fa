package io.grassroots.supervision;

/** Why a card was issued. */
public enum CardReason {

	/** The case stayed red past one further working day. */
	OVERDUE,
	/** A supervision order ran out unanswered while the case was still overdue. */
	ORDER_EXPIRED,
	/** The department collected the configured number of yellow cards in one month. */
	YELLOW_CARDS_IN_MONTH,
	/** A supervisor issued it by hand. */
	MANUAL

}
