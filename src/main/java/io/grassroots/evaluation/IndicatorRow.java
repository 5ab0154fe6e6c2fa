package io.grassroots.evaluation;

/**
 * The indicators of one unit (street, community or department) in one month, from the monthly counters. A rate is
 * empty when its denominator is zero; the composite weighs the rates that exist.
 */
public record IndicatorRow(String unit, String name, int dispatched, int returned, int claimedOnTime, int reworked,
		int extended, int closed, int closedGrid, int closedCommunity, int closedDepartment, int rated, int resolved,
		int satisfied, Double responseRate, Double resolutionRate, Double satisfactionRate, Double reworkRate,
		Double extensionRate, Double gridShare, Double communityShare, Double departmentShare, Double composite,
		RankingBand band) {

	/** A rate as a percentage with one decimal, or a dash. */
	public static String percent(Double rate) {
		return rate == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
	}

}
