package io.grassroots.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import io.grassroots.region.DepartmentKind;

/**
 * How far each demo case goes through the loop, and when it began: finished stories began weeks ago, open ones
 * hours or days ago (some of them long enough to have gone red).
 */
enum CaseDemoStory {

	EVALUATED(true, 90), EVALUATED_TOO(true, 90), CLOSED(true, 6), REPORTED_BACK(true, 8), IN_PROGRESS(true, 5),
	EXTENSION(true, 3), PARKED(true, 30), DISPATCHED(true, 2), FILED(true, 0), NEW(true, 0), REJECTED(true, 60),
	VOIDED(true, 60), MERGED(true, 20), RETURNED(true, 60), REWORKED(true, 70), REOPENED(true, 50),
	RESOLVED_ON_SITE(false, 80), HANDED_OVER(false, 1), COMMUNITY_RESOLVED(false, 60), ESCALATED(false, 0),
	GRID_NEW(false, 0);

	private final boolean street;

	private final int maxDaysAgo;

	CaseDemoStory(boolean street, int maxDaysAgo) {
		this.street = street;
		this.maxDaysAgo = maxDaysAgo;
	}

	boolean grid() {
		return !street;
	}

	/** When the story begins: within the last hours for new reports, within its span of days for the others. */
	Instant reportedAt(Instant now, Random random) {
		if (maxDaysAgo == 0) {
			return now.minus(Duration.ofMinutes(15 + random.nextInt(6 * 60)));
		}
		var daysAgo = Math.max(this == CLOSED || this == REPORTED_BACK || this == IN_PROGRESS ? 1 : 10,
				1 + random.nextInt(maxDaysAgo));
		return CaseDemoData.officeTime(now, daysAgo, random);
	}

	void tellAtStreet(CaseDemoRun run) {
		switch (this) {
			case NEW -> {
			}
			case REJECTED -> run.reject();
			case VOIDED -> run.voidCase();
			case MERGED -> run.mergeIntoTwin();
			case FILED -> run.file();
			case RETURNED -> {
				run.file();
				run.dispatch(DepartmentKind.HOUSING);
				run.returnOrder();
				run.dispatch(null);
				run.claim();
				run.reportBack(2);
				run.verify(true);
				run.evaluate(run.someRating());
			}
			default -> handledByDepartments(run);
		}
	}

	private void handledByDepartments(CaseDemoRun run) {
		run.file();
		run.dispatch(null);
		if (this == DISPATCHED) {
			return;
		}
		run.claim();
		switch (this) {
			case EXTENSION -> run.requestExtension();
			case PARKED -> run.park();
			case IN_PROGRESS -> {
			}
			default -> finish(run);
		}
	}

	private void finish(CaseDemoRun run) {
		run.reportBack(this == REPORTED_BACK || this == CLOSED ? 0 : 2);
		if (this == REPORTED_BACK) {
			return;
		}
		if (this == REWORKED) {
			run.verify(false);
			run.reportBack(1);
		}
		run.verify(true);
		if (this == CLOSED) {
			return;
		}
		run.evaluate(this == REOPENED ? Rating.DISSATISFIED : run.someRating());
		if (this == REOPENED) {
			run.reopen();
		}
	}

	void tellInGrid(CaseDemoRun run) {
		switch (this) {
			case RESOLVED_ON_SITE -> {
				run.resolveOnSite();
				run.evaluate(run.someRating());
			}
			case HANDED_OVER -> run.handOver();
			case COMMUNITY_RESOLVED -> {
				run.handOver();
				run.resolveInCommunity();
				run.evaluate(run.someRating());
			}
			case ESCALATED -> run.escalate();
			default -> {
			}
		}
	}

}
