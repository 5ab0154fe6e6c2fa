package io.grassroots.evaluation;

/** The four bands of the monthly rankings, by the composite score and configurable thresholds. */
public enum RankingBand {

	/** 先进. */
	ADVANCED,
	/** 进步. */
	IMPROVING,
	/** 需整改. */
	NEEDS_RECTIFICATION,
	/** 专项治理. */
	SPECIAL_GOVERNANCE

}
