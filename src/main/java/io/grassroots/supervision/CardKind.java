package io.grassroots.supervision;

/** 黄牌 / 红牌: warnings against a department. */
public enum CardKind {

	YELLOW_CARD, RED_CARD

}
