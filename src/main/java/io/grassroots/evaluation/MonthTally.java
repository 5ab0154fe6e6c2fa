package io.grassroots.evaluation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.grassroots.cases.CaseClaimed;
import io.grassroots.cases.CaseClosed;
import io.grassroots.cases.CaseDispatched;
import io.grassroots.cases.CaseEvaluated;
import io.grassroots.cases.CaseEvent;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseExtensionDecided;
import io.grassroots.cases.CaseReturned;
import io.grassroots.cases.CaseVerified;
import io.grassroots.cases.Rating;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.PendingWrites;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts case events into {@code evaluation_month_tally}, in the transaction of the event (before it commits): one
 * UPDATE for an event that counts (an INSERT first when the row is new), nothing for the others. A lifecycle pays
 * four: dispatched, claimed, closed, evaluated. The row is that of the event's month, place and department, and of the
 * case's {@link #slot(CaseId) slot} (decisions evaluation-01, evaluation-02): concurrent transitions of different cases mostly update
 * different rows, so they do not queue on one row's lock while each other's commit is flushed. Readers sum over slots.
 * The UPDATE goes with the transaction's other writes when it queues them ({@link PendingWrites}, decision cases-29);
 * a row found missing then is inserted and updated at once.
 */
@Component
class MonthTally {

	static final UUID NO_DEPARTMENT = new UUID(0, 0);

	/**
	 * How many rows a month, place and department is spread over: 32 (decision evaluation-02; 8 before), so that on
	 * 4 busy threads a transition rarely finds its row locked by another case's transition that has not committed yet.
	 */
	static final int SLOTS = 32;

	private static final String INSERT = """
			insert into evaluation_month_tally (tally_month, region, department, slot, dispatched, returned,
			claimed_on_time, reworked, extended, closed, closed_grid, closed_community, closed_department, rated,
			resolved, satisfied) values (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
			on conflict do nothing""";

	private final JdbcTemplate jdbc;

	/** The UPDATE of each set of counters, built once (a handful of sets exist). */
	private final Map<List<String>, String> updates = new ConcurrentHashMap<>();

	private final PendingWrites writes;

	MonthTally(JdbcTemplate jdbc, PendingWrites writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(CaseEvent event) {
		var columns = columns(event);
		if (columns.isEmpty()) {
			return;
		}
		var update = updates.computeIfAbsent(columns, MonthTally::update);
		var month = YearMonth.from(event.at().atZone(BeijingTime.ZONE)).toString();
		var region = event.region().value();
		var department = department(event);
		var slot = slot(event.caseId());
		writes.write(update, new Object[] { month, region, department, slot }, null, (updated, returned) -> {
			if (updated == 0) {
				jdbc.update(INSERT, month, region, department, slot);
				jdbc.update(update, month, region, department, slot);
			}
		});
	}

	/** The slot of a case's counts: the same for every event of the case, spread evenly over the cases. */
	static short slot(CaseId id) {
		return (short) Math.floorMod(id.id().hashCode(), SLOTS);
	}

	private static String update(List<String> columns) {
		return "update evaluation_month_tally set " + String.join(", ", columns.stream().map(c -> c + " = " + c + " + 1").toList())
				+ " where tally_month = ? and region = ? and department = ? and slot = ?";
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

}
