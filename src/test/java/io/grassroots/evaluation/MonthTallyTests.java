package io.grassroots.evaluation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grassroots.cases.CaseClosed;
import io.grassroots.cases.CaseDispatched;
import io.grassroots.cases.CaseEvaluated;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.EvaluationSource;
import io.grassroots.cases.Rating;
import io.grassroots.cases.ResolvedAt;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.RegionCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The month and the counters of an event, as the tally's rows are keyed and its UPDATEs built. */
class MonthTallyTests {

	static final CaseId CASE = new CaseId(UUID.randomUUID());

	static final RegionCode REGION = RegionCode.of("652301001001");

	@Test
	void theMonthOfAnInstantIsItsBeijingMonthAcrossTheMonthsBounds() {
		var instants = new ArrayList<Instant>();
		for (var start : List.of("2026-12-01T00:00", "2027-01-01T00:00", "2024-03-01T00:00", "1988-05-01T00:00")) {
			var bound = LocalDateTime.parse(start).atZone(BeijingTime.ZONE).toInstant();
			for (var seconds = -7_200L; seconds <= 7_200L; seconds += 1_799) {
				instants.add(bound.plusSeconds(seconds));
			}
			instants.add(bound.minusNanos(1_000));
			instants.add(bound);
		}
		// back and forth between months, as threads on cases of different months would ask
		for (var i = 0; i < 2; i++) {
			for (var instant : instants) {
				assertThat(MonthTally.month(instant)).as("%s", instant)
					.isEqualTo(YearMonth.from(instant.atZone(BeijingTime.ZONE)).toString());
			}
		}
	}

	@Test
	void aClosingCountsWhereTheCaseWasResolved() {
		for (var at : ResolvedAt.values()) {
			var closed = new CaseClosed(CASE, REGION, null, at, null, null, Instant.now());
			assertThat(MonthTally.columns(closed)).containsExactly("closed", "closed_" + at.name().toLowerCase());
		}
	}

	@Test
	void aRatingCountsWhetherResolvedAndSatisfied() {
		assertThat(MonthTally.columns(evaluated(Rating.SATISFIED, true))).containsExactly("rated", "resolved",
				"satisfied");
		assertThat(MonthTally.columns(evaluated(Rating.SATISFIED, false))).containsExactly("rated", "satisfied");
		assertThat(MonthTally.columns(evaluated(Rating.DISSATISFIED, true))).containsExactly("rated", "resolved");
		assertThat(MonthTally.columns(evaluated(Rating.DISSATISFIED, null))).containsExactly("rated");
		assertThat(MonthTally.columns(new CaseEvaluated(CASE, REGION, null, null, Rating.NO_REPLY, null,
				EvaluationSource.NO_REPLY, Instant.now()))).isEmpty();
		assertThat(MonthTally.columns(new CaseDispatched(CASE, REGION, null, null, List.of(), 0, null, Instant.now())))
			.containsExactly("dispatched");
	}

	private static CaseEvaluated evaluated(Rating rating, Boolean resolved) {
		return new CaseEvaluated(CASE, REGION, null, null, rating, resolved, EvaluationSource.CALLBACK, Instant.now());
	}

}
