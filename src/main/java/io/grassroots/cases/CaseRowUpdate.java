package io.grassroots.cases;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import io.grassroots.shared.InstantMicros;
import io.grassroots.shared.PendingWrites;
import io.grassroots.shared.TypedEvents;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Saves a transition: one hand-written UPDATE of the columns the transition changed, guarded by the version the case
 * was loaded with ({@code where id = ? and version = ?}), then the case's events are published as the repository
 * would publish them. What a case was reported with (its origin, text and place) is written once, by the intake.
 * Mapping the whole aggregate on every step was most of the Java time of a transition (bench/lifecycle).
 * <p>
 * Only the columns whose values differ from those the case was loaded with are set ({@link #save(Case, Object[])}:
 * a transition changes six to ten of the 31 columns it may change; binding all of them was most of the statement's
 * parameters and of its server execution, bench/RESULTS.md § lifecycle, 2026-12-04). The version check makes that
 * safe: the row is the one loaded, so a column left out keeps the loaded value. One statement text per set of
 * changed columns, built once (a handful exist: one or two per verb). The UPDATE answers whether the case has
 * assisting departments ({@code assisted}, as a generated key: no extra statement); only then is their copy of the
 * case's state brought along ({@link AssistStore#follow}). The values are taken straight from the case
 * ({@link CaseColumns#changingValues}) and bound as raw values, each by its type ({@link PendingWrites}); on
 * PostgreSQL an instant as its microseconds since the epoch ({@link InstantMicros}: the server then does not parse its
 * text, ≈ 1.1 µs of its CPU per instant, lifecycle27).
 * In a transition the UPDATE is queued with the transition's other writes and sent with them before the commit
 * ({@link PendingWrites}, decision cases-29).
 */
@Component
class CaseRowUpdate {

	/** The columns of {@link CaseColumns#CHANGING}, in its order. */
	private static final String[] COLUMNS = columns();

	/** At most this many statement texts are kept (the sets of changed columns are few; this only bounds a surprise). */
	private static final int MAX_STATEMENTS = 256;

	private static final String ASSISTED = "assisted";

	/**
	 * The UPDATE of each set of changed columns (bit i: {@link #COLUMNS}[i]), looked up by the set's bits without
	 * boxing them (a map by {@code Integer} made one per transition, lifecycle24); replaced whole when one is added.
	 */
	private volatile Statements statements = new Statements(new long[0], new String[0]);

	private final PendingWrites writes;

	private final ApplicationEventPublisher events;

	private final AssistStore assists;

	CaseRowUpdate(PendingWrites writes, ApplicationEventPublisher events, AssistStore assists) {
		this.writes = writes;
		this.events = events;
		this.assists = assists;
	}

	/** What follows a case's write: the case as saved, and whether its row said it never had assisting departments. */
	@FunctionalInterface
	interface Written {

		void written(Case saved, boolean unassisted);

	}

	/**
	 * Writes the changed case: the columns whose values differ from {@code loaded} (the case's
	 * {@link CaseColumns#changingValues} when it was read); a case changed meanwhile by someone else is a conflict (409).
	 * The UPDATE goes with the transaction's other writes when it {@link PendingWrites queues} them (decision cases-29):
	 * then the conflict is found, and {@code then} told, when they are sent, before the commit.
	 */
	Case save(Case c, Object[] loaded, Written then) {
		var current = CaseColumns.changingValues(c);
		var micros = writes.instantsAsMicros();
		var changed = 0;
		var asMicros = 0;
		var count = 0;
		for (var i = 0; i < current.length; i++) {
			if (!Objects.equals(current[i], loaded[i])) {
				changed |= 1 << i;
				count++;
				if (micros && current[i] instanceof Timestamp at && InstantMicros.fits(at)) {
					asMicros |= 1 << i;
				}
			}
		}
		var version = c.version();
		var bound = new Object[count + 3];
		var at = 0;
		for (var i = 0; i < current.length; i++) {
			if ((changed & (1 << i)) != 0) {
				bound[at++] = (asMicros & (1 << i)) != 0 ? InstantMicros.of((Timestamp) current[i]) : current[i];
			}
		}
		bound[at++] = version;
		bound[at++] = c.id().id();
		bound[at] = version;
		// the UPDATE answers whether the case has assisting departments (null: not known)
		writes.write(statement(changed, asMicros), bound, ASSISTED, (rows, assisted) -> {
			if (rows != 1) {
				throw new OptimisticLockingFailureException("Case " + c.id() + " changed since version " + version);
			}
			var unassisted = Boolean.FALSE.equals(assisted);
			if (!unassisted) {
				assists.follow(c);
			}
			then.written(c, unassisted);
		});
		c.saved(version + 1);
		publishEvents(c, events);
		return c;
	}

	/**
	 * Publishes the events a case registered since it was loaded, in order, as the repository publishes them when it
	 * saves a case, and forgets them (each with its type resolved once per class, {@link TypedEvents}).
	 */
	static void publishEvents(Case c, ApplicationEventPublisher events) {
		c.publishEvents(event -> TypedEvents.publish(events, event));
	}

	/**
	 * The UPDATE of the changed columns (bit i of {@code changed}: {@link #COLUMNS}[i]), those of {@code asMicros} bound
	 * as {@link InstantMicros}.
	 */
	private String statement(int changed, int asMicros) {
		var key = ((long) asMicros << Integer.SIZE) | (changed & 0xffff_ffffL);
		var known = statements;
		for (var i = 0; i < known.sets.length; i++) {
			if (known.sets[i] == key) {
				return known.texts[i];
			}
		}
		var sql = update(changed, asMicros);
		remember(key, sql);
		return sql;
	}

	/** Adds a statement to {@link #statements} (a copy with it), unless it is there already or they are full. */
	private synchronized void remember(long key, String sql) {
		var known = statements;
		var count = known.sets.length;
		if (count >= MAX_STATEMENTS || Arrays.stream(known.sets).anyMatch(set -> set == key)) {
			return;
		}
		var sets = Arrays.copyOf(known.sets, count + 1);
		var texts = Arrays.copyOf(known.texts, count + 1);
		sets[count] = key;
		texts[count] = sql;
		statements = new Statements(sets, texts);
	}

	/**
	 * Sets of changed columns (the low 32 bits) with those bound as microseconds (the high 32) and their UPDATEs, at the
	 * same index.
	 */
	private record Statements(long[] sets, String[] texts) {
	}

	/**
	 * {@code update cases_case set <changed> = ?, …, version = ? + 1 where id = ? and version = ?}: the parameters
	 * are the changed values in {@link #COLUMNS}' order, the loaded version, the id and the loaded version again.
	 */
	static String update(int changed) {
		return update(changed, 0);
	}

	/** {@link #update(int)} with the columns of {@code asMicros} set from {@link InstantMicros#PARAMETER}. */
	static String update(int changed, int asMicros) {
		var sql = new StringBuilder("update cases_case set ");
		for (var i = 0; i < COLUMNS.length; i++) {
			if ((changed & (1 << i)) != 0) {
				sql.append(COLUMNS[i]).append(" = ").append((asMicros & (1 << i)) != 0 ? InstantMicros.PARAMETER : "?")
					.append(", ");
			}
		}
		return sql.append("version = ? + 1 where id = ? and version = ?").toString();
	}

	/** The columns of {@link CaseColumns#CHANGING}; a set of them is an int's bits, so there may be 31 at most. */
	private static String[] columns() {
		var columns = CaseColumns.CHANGING.stream().map(CaseRowUpdate::column).toArray(String[]::new);
		if (columns.length > Integer.SIZE - 1) {
			throw new IllegalStateException("more changing columns than bits in a set of them: " + columns.length);
		}
		return columns;
	}

	/** The column of a parameter name: {@code stepStartedAt} is {@code step_started_at}. */
	private static String column(String parameter) {
		return parameter.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
	}

}
