package io.grassroots.evaluation;

import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Locale;
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
import io.grassroots.cases.ResolvedAt;
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
		var month = month(event.at());
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

	private static final List<String> DISPATCHED = List.of("dispatched");

	private static final List<String> RETURNED = List.of("returned");

	private static final List<String> CLAIMED_ON_TIME = List.of("claimed_on_time");

	private static final List<String> REWORKED = List.of("reworked");

	private static final List<String> EXTENDED = List.of("extended");

	/** The counters of a closing, by where the case was resolved. */
	private static final Map<ResolvedAt, List<String>> CLOSED = closed();

	/** The counters of a rating: [resolved][satisfied]. */
	private static final List<List<String>> RATED = List.of(List.of("rated"), List.of("rated", "satisfied"),
			List.of("rated", "resolved"), List.of("rated", "resolved", "satisfied"));

	/**
	 * The counters an event increments (none for events that count nothing), in the order of the UPDATE's set list:
	 * lists made once, not one per event (lifecycle24).
	 */
	static List<String> columns(CaseEvent event) {
		if (event instanceof CaseDispatched) {
			return DISPATCHED;
		}
		else if (event instanceof CaseReturned) {
			return RETURNED;
		}
		else if (event instanceof CaseClaimed claimed && claimed.onTime()) {
			return CLAIMED_ON_TIME;
		}
		else if (event instanceof CaseVerified verified && !verified.passed()) {
			return REWORKED;
		}
		else if (event instanceof CaseExtensionDecided decided && decided.approved()) {
			return EXTENDED;
		}
		else if (event instanceof CaseClosed closed) {
			return CLOSED.get(closed.resolvedAt());
		}
		else if (event instanceof CaseEvaluated evaluated && evaluated.rating() != Rating.NO_REPLY) {
			var resolved = Boolean.TRUE.equals(evaluated.resolved());
			var satisfied = evaluated.rating() != Rating.DISSATISFIED;
			return RATED.get((resolved ? 2 : 0) + (satisfied ? 1 : 0));
		}
		return List.of();
	}

	private static Map<ResolvedAt, List<String>> closed() {
		var closed = new EnumMap<ResolvedAt, List<String>>(ResolvedAt.class);
		for (var at : ResolvedAt.values()) {
			closed.put(at, List.of("closed", "closed_" + at.name().toLowerCase(Locale.ROOT)));
		}
		return closed;
	}

	/**
	 * The month of an instant in Beijing time as {@code YearMonth.toString()} writes it ({@code 2026-12}), remembered
	 * with the month's bounds: every counted event of a month asks for the same text (lifecycle24).
	 */
	static String month(Instant at) {
		var known = lastMonth;
		if (known != null && known.holds(at)) {
			return known.text();
		}
		var yearMonth = YearMonth.from(BeijingTime.dateOf(at));
		var next = new Month(yearMonth.atDay(1).atStartOfDay(BeijingTime.ZONE).toInstant(),
				yearMonth.plusMonths(1).atDay(1).atStartOfDay(BeijingTime.ZONE).toInstant(), yearMonth.toString());
		lastMonth = next;
		return next.text();
	}

	/** The month last asked for ({@link #month(Instant)}); shared by the threads, replaced whole. */
	private static volatile Month lastMonth;

	/** A month's text and its bounds, from inclusive, to exclusive. */
	private record Month(Instant from, Instant to, String text) {

		boolean holds(Instant at) {
			return !at.isBefore(from) && at.isBefore(to);
		}

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
