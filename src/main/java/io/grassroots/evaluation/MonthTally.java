package io.grassroots.evaluation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grassroots.cases.CaseClaimed;
import io.grassroots.cases.CaseClosed;
import io.grassroots.cases.CaseDispatched;
import io.grassroots.cases.CaseEvaluated;
import io.grassroots.cases.CaseEvent;
import io.grassroots.cases.CaseExtensionDecided;
import io.grassroots.cases.CaseReturned;
import io.grassroots.cases.CaseVerified;
import io.grassroots.cases.Rating;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.BeijingTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts case events into {@code evaluation_month_tally}, in the transaction of the event (before it commits): one
 * UPDATE for an event that counts (an INSERT first when the month's row is new), nothing for the others. A lifecycle
 * pays four: dispatched, claimed, closed, evaluated.
 */
@Component
class MonthTally {

	static final UUID NO_DEPARTMENT = new UUID(0, 0);

	private final JdbcClient jdbc;

	MonthTally(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CaseEvent event) {
		var columns = columns(event);
		if (columns.isEmpty()) {
			return;
		}
		var department = department(event);
		var month = YearMonth.from(event.at().atZone(BeijingTime.ZONE)).toString();
		var set = String.join(", ", columns.stream().map(c -> c + " = " + c + " + 1").toList());
		var update = "update evaluation_month_tally set " + set
				+ " where tally_month = :month and region = :region and department = :department";
		if (run(update, month, event, department) == 0) {
			run("""
					insert into evaluation_month_tally (tally_month, region, department, dispatched, returned,
					claimed_on_time, reworked, extended, closed, closed_grid, closed_community, closed_department, rated,
					resolved, satisfied) values (:month, :region, :department, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
					on conflict do nothing""", month, event, department);
			run(update, month, event, department);
		}
	}

	/** The counters an event increments (none for events that count nothing). */
	static List<String> columns(CaseEvent event) {
		var columns = new ArrayList<String>();
		if (event instanceof CaseDispatched) {
			columns.add("dispatched");
		}
		else if (event instanceof CaseReturned) {
			columns.add("returned");
		}
		else if (event instanceof CaseClaimed claimed && claimed.onTime()) {
			columns.add("claimed_on_time");
		}
		else if (event instanceof CaseVerified verified && !verified.passed()) {
			columns.add("reworked");
		}
		else if (event instanceof CaseExtensionDecided decided && decided.approved()) {
			columns.add("extended");
		}
		else if (event instanceof CaseClosed closed) {
			columns.add("closed");
			columns.add("closed_" + closed.resolvedAt().name().toLowerCase());
		}
		else if (event instanceof CaseEvaluated evaluated && evaluated.rating() != Rating.NO_REPLY) {
			columns.add("rated");
			if (Boolean.TRUE.equals(evaluated.resolved())) {
				columns.add("resolved");
			}
			if (evaluated.rating() != Rating.DISSATISFIED) {
				columns.add("satisfied");
			}
		}
		return columns;
	}

	private static UUID department(CaseEvent event) {
		DepartmentId department = null;
		if (event instanceof CaseDispatched e) {
			department = e.lead();
		}
		else if (event instanceof CaseReturned e) {
			department = e.department();
		}
		else if (event instanceof CaseClaimed e) {
			department = e.department();
		}
		else if (event instanceof CaseVerified e) {
			department = e.department();
		}
		else if (event instanceof CaseExtensionDecided e) {
			department = e.department();
		}
		else if (event instanceof CaseClosed e) {
			department = e.department();
		}
		else if (event instanceof CaseEvaluated e) {
			department = e.department();
		}
		return department == null ? NO_DEPARTMENT : department.id();
	}

	private int run(String sql, String month, CaseEvent event, UUID department) {
		return jdbc.sql(sql).param("month", month).param("region", event.region().value())
			.param("department", department).update();
	}

}
