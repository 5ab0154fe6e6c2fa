package io.grassroots.supervision;

import java.time.Instant;
import java.util.List;

import io.grassroots.calendar.WorkCalendar;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.DueCase;
import io.grassroots.cases.Step;
import io.grassroots.cases.TrafficLight;

import org.springframework.stereotype.Component;

/**
 * The rules of CASE-LIFECYCLE.md «Supervision», as functions of the facts (no database): what a change of light
 * calls for, when the checks that follow fall due, and whether a case is still overdue at the deadline it was
 * supervised for.
 */
@Component
class SupervisionRules {

	/** What a light change calls for. */
	enum Response {

		REMIND, ORDER

	}

	private final SupervisionProperties properties;

	SupervisionRules(SupervisionProperties properties) {
		this.properties = properties;
	}

	/**
	 * Department steps (claim, handle) are reminded at yellow and supervised by order at red; the street's, the
	 * community's and the grid's steps are reminded at yellow and again at red; the evaluation window is not
	 * supervision's (it ends as «no reply»).
	 */
	List<Response> onChange(DueCase change) {
		if (change.step() == null || change.step() == Step.EVALUATE || !change.status().isOpen()) {
			return List.of();
		}
		if (departmentStep(change)) {
			return List.of(change.turns() == TrafficLight.YELLOW ? Response.REMIND : Response.ORDER);
		}
		return List.of(Response.REMIND);
	}

	/** Whether the step is a department's: an order claimed or handled by the lead department. */
	static boolean departmentStep(DueCase change) {
		return change.leadDepartment() != null && (change.step() == Step.CLAIM || change.step() == Step.HANDLE)
				&& (change.status() == CaseStatus.DISPATCHED || change.status() == CaseStatus.IN_PROGRESS);
	}

	/** Who a reminder about this step goes to. */
	static Audience audience(DueCase change) {
		if (departmentStep(change)) {
			return Audience.DEPARTMENT;
		}
		var gridWork = change.step() == Step.VERIFY
				|| change.step() == Step.HANDLE && change.status() == CaseStatus.REPORTED;
		return gridWork && change.grid() != null ? Audience.GRID : Audience.REGION;
	}

	/** A yellow card falls due when the case is still red this long after its deadline (one working day). */
	Instant cardCheckAt(WorkCalendar calendar, Instant deadline) {
		return calendar.deadline(deadline, properties.yellowCardTimeLimit());
	}

	/** The deadline of an automatic supervision order issued at the red instant. */
	Instant orderDue(WorkCalendar calendar, Instant issuedAt) {
		return calendar.deadline(issuedAt, properties.orderTimeLimit());
	}

	/**
	 * Whether a case is still overdue at the deadline it was supervised for: the same step, the same red instant
	 * (an extension, parking or any transition moves it), with the same department, at {@code now}.
	 */
	static boolean stillOverdue(CaseSummary current, Issue.About about, io.grassroots.region.DepartmentId department,
			Instant now) {
		var deadline = current.deadline();
		return deadline != null && current.status().isOpen() && deadline.step() == about.step()
				&& deadline.dueAt() != null && deadline.dueAt().equals(about.deadline()) && !now.isBefore(deadline.dueAt())
				&& department.equals(current.leadDepartment());
	}

	/** Whether the n-th yellow card of a month brings a red card. */
	boolean redCardFor(int yellowCardsThisMonth) {
		return yellowCardsThisMonth > 0 && yellowCardsThisMonth % properties.yellowCardsForRedCard() == 0;
	}

}
