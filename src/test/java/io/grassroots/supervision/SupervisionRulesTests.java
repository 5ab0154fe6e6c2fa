package io.grassroots.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.grassroots.calendar.OfficeHours;
import io.grassroots.calendar.WorkCalendar;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.DueCase;
import io.grassroots.cases.Step;
import io.grassroots.cases.StepClock;
import io.grassroots.cases.StepDeadline;
import io.grassroots.cases.TrafficLight;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.RegionCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The supervision rules on a fixed clock: lights, what a change calls for, the card checks and their timing. */
class SupervisionRulesTests {

	static final RegionCode PLACE = RegionCode.of("652301001001");

	static final DepartmentId MARKET = new DepartmentId(UUID.randomUUID());

	/** Friday 2026-11-27 16:00 Beijing time, inside the standard office hours. */
	static final Instant FRIDAY = LocalDate.of(2026, 11, 27).atTime(16, 0).atZone(BeijingTime.ZONE).toInstant();

	SupervisionRules rules = new SupervisionRules(new SupervisionProperties(true, Duration.ofSeconds(30),
			Duration.ofSeconds(10), 100, 2, Duration.ofDays(1), "2 WORKING_DAYS", "1 WORKING_DAYS", 3, Duration.ofMinutes(30)));

	WorkCalendar calendar = new WorkCalendar(PLACE, OfficeHours.standard(), Map.of());

	@Test
	void lightsAreGreenBeforeTheYellowInstantYellowUntilTheDeadlineAndRedAfter() {
		var start = FRIDAY;
		var clock = new StepClock(Step.CLAIM, start, start.plus(Duration.ofMinutes(48)), start.plus(Duration.ofMinutes(60)),
				3600L, io.grassroots.calendar.LimitUnit.MINUTES, null, null);
		assertThat(clock.light(start.plus(Duration.ofMinutes(47)))).isEqualTo(TrafficLight.GREEN);
		assertThat(clock.light(start.plus(Duration.ofMinutes(48)))).isEqualTo(TrafficLight.YELLOW);
		assertThat(clock.light(start.plus(Duration.ofMinutes(59)))).isEqualTo(TrafficLight.YELLOW);
		assertThat(clock.light(start.plus(Duration.ofMinutes(60)))).isEqualTo(TrafficLight.RED);
	}

	@Test
	void departmentStepsAreRemindedAtYellowAndSupervisedAtRed() {
		assertThat(rules.onChange(change(Step.CLAIM, CaseStatus.DISPATCHED, MARKET, TrafficLight.YELLOW)))
			.containsExactly(SupervisionRules.Response.REMIND);
		assertThat(rules.onChange(change(Step.HANDLE, CaseStatus.IN_PROGRESS, MARKET, TrafficLight.RED)))
			.containsExactly(SupervisionRules.Response.ORDER);
		assertThat(SupervisionRules.audience(change(Step.CLAIM, CaseStatus.DISPATCHED, MARKET, TrafficLight.RED)))
			.isEqualTo(Audience.DEPARTMENT);
	}

	@Test
	void theStreetsStepsAreRemindedAtYellowAndRedAndTheEvaluationWindowIsLeftAlone() {
		var dispatch = change(Step.DISPATCH, CaseStatus.FILED, null, TrafficLight.RED);
		assertThat(rules.onChange(dispatch)).containsExactly(SupervisionRules.Response.REMIND);
		assertThat(SupervisionRules.audience(dispatch)).isEqualTo(Audience.REGION);
		assertThat(rules.onChange(change(Step.EVALUATE, CaseStatus.CLOSED, MARKET, TrafficLight.RED))).isEmpty();
		assertThat(rules.onChange(change(Step.CLAIM, CaseStatus.EVALUATED, MARKET, TrafficLight.RED))).isEmpty();
	}

	@Test
	void aYellowCardFallsDueOneFurtherWorkingDayAfterTheDeadline() {
		var checkAt = rules.cardCheckAt(calendar, FRIDAY);
		var local = checkAt.atZone(BeijingTime.ZONE);
		assertThat(local.toLocalDate()).as("the weekend does not count").isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(calendar.isWorkingDay(local.toLocalDate())).isTrue();
		assertThat(rules.orderDue(calendar, FRIDAY)).isAfter(checkAt);
	}

	@Test
	void aCaseIsStillOverdueOnlyAtTheSameDeadlineWithTheSameDepartment() {
		var due = FRIDAY;
		var about = new Issue.About(new CaseId(UUID.randomUUID()), Step.HANDLE, due);
		var later = due.plus(Duration.ofDays(3));
		assertThat(SupervisionRules.stillOverdue(summary(Step.HANDLE, due, MARKET, CaseStatus.IN_PROGRESS), about, MARKET, later)).isTrue();
		assertThat(SupervisionRules.stillOverdue(summary(Step.HANDLE, due, MARKET, CaseStatus.IN_PROGRESS), about, MARKET, due.minusSeconds(1)))
			.as("not yet red").isFalse();
		assertThat(SupervisionRules.stillOverdue(summary(Step.HANDLE, due.plus(Duration.ofDays(5)), MARKET, CaseStatus.IN_PROGRESS), about, MARKET, later))
			.as("an extension moved the deadline").isFalse();
		assertThat(SupervisionRules.stillOverdue(summary(Step.VERIFY, later, MARKET, CaseStatus.REPORTED_BACK), about, MARKET, later))
			.as("reported back").isFalse();
		assertThat(SupervisionRules.stillOverdue(summary(Step.HANDLE, due, new DepartmentId(UUID.randomUUID()), CaseStatus.IN_PROGRESS), about, MARKET, later))
			.as("another department has it now").isFalse();
	}

	@Test
	void everyThirdYellowCardOfAMonthBringsARedCard() {
		assertThat(rules.redCardFor(1)).isFalse();
		assertThat(rules.redCardFor(2)).isFalse();
		assertThat(rules.redCardFor(3)).isTrue();
		assertThat(rules.redCardFor(4)).isFalse();
		assertThat(rules.redCardFor(6)).isTrue();
	}

	@Test
	void automaticActionsGetTheSameIdOnEveryNode() {
		var about = new Issue.About(new CaseId(UUID.randomUUID()), Step.CLAIM, FRIDAY);
		assertThat(Issue.idFor("order", about)).isEqualTo(Issue.idFor("order", new Issue.About(about.caseId(), Step.CLAIM, FRIDAY)));
		assertThat(Issue.idFor("order", about)).isNotEqualTo(Issue.idFor("order", new Issue.About(about.caseId(), Step.CLAIM, FRIDAY.plusSeconds(1))));
	}

	static DueCase change(Step step, CaseStatus status, DepartmentId lead, TrafficLight turns) {
		return new DueCase(new CaseId(UUID.randomUUID()), 3, status, step, PLACE, null, lead, FRIDAY.minusSeconds(600), FRIDAY, turns);
	}

	static CaseSummary summary(Step step, Instant due, DepartmentId lead, CaseStatus status) {
		return new CaseSummary(new CaseId(UUID.randomUUID()), "CODE000000", null, status, null, "t", null, null, PLACE,
				null, null, null, lead, null, new StepDeadline(step, due.minusSeconds(600), due), TrafficLight.RED, 3, false);
	}

}
