package io.grassroots.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the indicators and rankings: the weights of the composite score (response, resolution, satisfaction)
 * and the lowest composite of each band (advanced, improving, needs rectification; below: special governance).
 */
@ConfigurationProperties("grassroots.evaluation")
public record EvaluationProperties(@DefaultValue("0.30") double responseWeight,
		@DefaultValue("0.35") double resolutionWeight, @DefaultValue("0.35") double satisfactionWeight,
		@DefaultValue("0.90") double advancedFrom, @DefaultValue("0.80") double improvingFrom,
		@DefaultValue("0.60") double rectificationFrom) {

	RankingBand band(double composite) {
		return composite >= advancedFrom ? RankingBand.ADVANCED : composite >= improvingFrom ? RankingBand.IMPROVING
				: composite >= rectificationFrom ? RankingBand.NEEDS_RECTIFICATION : RankingBand.SPECIAL_GOVERNANCE;
	}

}
