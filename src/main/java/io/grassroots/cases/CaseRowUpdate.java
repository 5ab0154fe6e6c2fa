package io.grassroots.cases;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

/**
 * Saves a transition: one hand-written UPDATE of the columns a transition may change, guarded by the version the
 * case was loaded with ({@code where id = ? and version = ?}), then the case's events are published as the
 * repository would publish them. What a case was reported with (its origin, text and place) is written once, by the
 * intake. Mapping the whole aggregate on every step was most of the Java time of a transition (bench/lifecycle).
 * The UPDATE answers whether the case has assisting departments ({@code assisted}, as a generated key: no extra
 * statement); only then is their copy of the case's state brought along ({@link AssistStore#follow}). The statement
 * is written with named parameters (the columns' names, {@link CaseColumns#changing}) but turned into its positional
 * form once: building the positional SQL and its parameter list on every save was a tenth of what a transition
 * allocated (bench/lifecycle). The values are taken in the placeholders' order straight from the case
 * ({@link CaseColumns#changingValues}, no map and no parameter source per save, which were another tenth) and bound
 * as the named form bound them (raw values, the same {@code StatementCreatorUtils} typing).
 */
@Component
class CaseRowUpdate {

	private static final String UPDATE = """
			update cases_case set status = :status, tier = :tier, category_standard = :categoryStandard,
			category_code = :categoryCode, urgency = :urgency, complex = :complex, lead_department = :leadDepartment,
			merged_into = :mergedInto, step = :step, step_started_at = :stepStartedAt, warn_at = :warnAt, due_at = :dueAt,
			step_span_seconds = :stepSpanSeconds, step_unit = :stepUnit, parked_at = :parkedAt,
			parked_remaining_seconds = :parkedRemainingSeconds, extension_amount = :extensionAmount,
			extension_unit = :extensionUnit, return_count = :returnCount, rework_count = :reworkCount,
			extension_count = :extensionCount, reopen_count = :reopenCount, resolved_at_tier = :resolvedAtTier,
			rating = :rating, resolved = :resolved, filed_at = :filedAt, dispatched_at = :dispatchedAt,
			claimed_at = :claimedAt, reported_back_at = :reportedBackAt, closed_at = :closedAt,
			evaluated_at = :evaluatedAt, version = :version + 1
			where id = :id and version = :version""";

	private static final ParsedSql PARSED = NamedParameterUtils.parseSqlStatement(UPDATE);

	private static final String POSITIONAL = NamedParameterUtils.substituteNamedParameters(PARSED, null);

	/** For each placeholder of {@link #POSITIONAL}, its value's index in {@link #values}. */
	private static final int[] ORDER = order();

	private static final String[] ASSISTED = { "assisted" };

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	private final AssistStore assists;

	CaseRowUpdate(JdbcTemplate jdbc, ApplicationEventPublisher events, AssistStore assists) {
		this.jdbc = jdbc;
		this.events = events;
		this.assists = assists;
	}

	/** Writes the changed case; a case changed meanwhile by someone else is a conflict (409). */
	Case save(Case c) {
		var values = new ArgumentPreparedStatementSetter(values(c));
		// the UPDATE answers whether the case has assisting departments, as a generated key (null: not known)
		var assisted = jdbc.execute(con -> con.prepareStatement(POSITIONAL, ASSISTED), (PreparedStatement ps) -> {
			values.setValues(ps);
			if (ps.executeUpdate() != 1) {
				throw new OptimisticLockingFailureException("Case " + c.id() + " changed since version " + c.version());
			}
			try (var keys = ps.getGeneratedKeys()) {
				return new Saved(keys.next() ? keys.getObject(1) : null);
			}
		});
		c.saved(c.version() + 1);
		if (!Boolean.FALSE.equals(assisted.assisted())) {
			assists.follow(c);
		}
		c.pendingEvents().forEach(events::publishEvent);
		c.eventsPublished();
		return c;
	}

	/** The values in the order of the positional UPDATE's placeholders, as the named form bound them. */
	private static Object[] values(Case c) {
		var changing = CaseColumns.changingValues(c);
		var id = c.id().id();
		var version = c.version();
		var values = new Object[ORDER.length];
		for (var i = 0; i < ORDER.length; i++) {
			var at = ORDER[i];
			values[i] = at < changing.length ? changing[at] : at == changing.length ? id : version;
		}
		return values;
	}

	/** The index of each placeholder's value: a changing column's, then {@code id}, then {@code version}. */
	private static int[] order() {
		var names = new ArrayList<String>(CaseColumns.CHANGING);
		names.add("id");
		names.add("version");
		var sql = NamedParameterUtils.buildValueArray(PARSED, new MapSqlParameterSource(names.stream()
			.collect(Collectors.toMap(n -> n, n -> n))), null);
		var order = new int[sql.length];
		for (var i = 0; i < sql.length; i++) {
			order[i] = names.indexOf((String) sql[i]);
			if (order[i] < 0) {
				throw new IllegalStateException("no value for the UPDATE's parameter " + sql[i]);
			}
		}
		return order;
	}

	private record Saved(Object assisted) {
	}

}
