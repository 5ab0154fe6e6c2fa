package io.grassroots.supervision;

import java.time.Duration;

import io.grassroots.calendar.TimeLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of supervision. The yellow share of a limit is {@code grassroots.cases.yellow-at} (the case row stores
 * the instant it is reached); everything that follows from the lights is set here.
 *
 * @param sweepEnabled whether this node runs the deadline sweep on a schedule
 * @param sweepInterval how often the sweep runs
 * @param settle how far behind now the sweep stays, so that transitions still committing are seen
 * @param batchSize how many light changes one query reads (a page, written in one transaction)
 * @param pagesInFlight how many pages are written at once, each on its own connection, while the next is read
 * @param firstLookback how far back the very first sweep of a database looks
 * @param orderLimit the deadline of an automatic supervision order, counted from the red instant
 * @param yellowCardAfter how long a case may stay red before its department gets a yellow card
 * @param yellowCardsForRedCard how many yellow cards in a month make a red card
 * @param whistleReportIn how long called departments have to report in
 */
@ConfigurationProperties("grassroots.supervision")
public record SupervisionProperties(@DefaultValue("true") boolean sweepEnabled,
		@DefaultValue("30s") Duration sweepInterval, @DefaultValue("10s") Duration settle,
		@DefaultValue("2000") int batchSize, @DefaultValue("2") int pagesInFlight, @DefaultValue("1d") Duration firstLookback,
		@DefaultValue("2 WORKING_DAYS") String orderLimit, @DefaultValue("1 WORKING_DAYS") String yellowCardAfter,
		@DefaultValue("3") int yellowCardsForRedCard, @DefaultValue("30m") Duration whistleReportIn) {

	public SupervisionProperties {
		TimeLimit.parse(orderLimit);
		TimeLimit.parse(yellowCardAfter);
		if (yellowCardsForRedCard < 1 || batchSize < 1 || pagesInFlight < 1) {
			throw new IllegalArgumentException("grassroots.supervision: counts must be positive");
		}
	}

	public TimeLimit orderTimeLimit() {
		return TimeLimit.parse(orderLimit);
	}

	public TimeLimit yellowCardTimeLimit() {
		return TimeLimit.parse(yellowCardAfter);
	}

}
