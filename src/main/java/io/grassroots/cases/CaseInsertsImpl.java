package io.grassroots.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.grassroots.shared.MultiRowInsert;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link CaseInserts}: the columns of cases_case, in the order of its migration; parameters from {@link CaseColumns}.
 * A batch of new cases (the intake writer's) goes in one multi-row INSERT ({@link MultiRowInsert}: on PostgreSQL one
 * statement of an array per column whatever the batch's size, decision cases-31; on H2 {@code values} lists), where a
 * JDBC batch would execute the statement once per row.
 */
class CaseInsertsImpl implements CaseInserts {

	private static final String COLUMNS = """
			id, tracking_code, intake_key, channel, status, tier, resolved_at_tier, title,
			description, category_standard, category_code, urgency, complex, region, grid, placement, longitude, latitude,
			address, reporter_name, reporter_phone, reporter_phone_index, reporter_account, anonymous, confidential,
			suggested_department, lead_department, merged_into, suspected_duplicate, step, step_started_at, warn_at, due_at,
			step_span_seconds, step_unit, parked_at, parked_remaining_seconds, extension_amount, extension_unit,
			return_count, rework_count, extension_count, reopen_count, rating, resolved, reported_at, filed_at,
			dispatched_at, claimed_at, reported_back_at, closed_at, evaluated_at, version""";

	/** The parameters of {@link CaseColumns#all} in the order of {@link #COLUMNS} (version is 0, not among them). */
	private static final List<String> PARAMETERS = parameters(COLUMNS);

	private static final String INSERT = "insert into cases_case (" + COLUMNS + ") values ("
			+ String.join(", ", PARAMETERS.stream().map(p -> ":" + p).toList()) + ", 0)";

	private static final String INTO = "insert into cases_case (" + COLUMNS + ")";

	/**
	 * The PostgreSQL type of each column of {@link #COLUMNS}, in its order (version last): a batch goes as one
	 * {@code insert … select * from unnest(?::uuid[], …)} of one array per column, one statement text whatever the
	 * batch's size (decision cases-31).
	 */
	private static final List<String> TYPES = List.of("uuid", "text", "text", "text", "text", "text", "text", "text",
			"text", "text", "text", "text", "bool", "text", "uuid", "text", "float8", "float8",
			"text", "text", "text", "text", "uuid", "bool", "bool",
			"uuid", "uuid", "uuid", "uuid", "text", "timestamptz", "timestamptz", "timestamptz",
			"int8", "text", "timestamptz", "int8", "int4", "text",
			"int4", "int4", "int4", "int4", "text", "bool", "timestamptz", "timestamptz",
			"timestamptz", "timestamptz", "timestamptz", "timestamptz", "timestamptz", "int8");

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate template;

	private final CaseSnapshots snapshots;

	CaseInsertsImpl(JdbcClient jdbc, NamedParameterJdbcTemplate template, CaseSnapshots snapshots) {
		this.jdbc = jdbc;
		this.template = template;
		this.snapshots = snapshots;
	}

	@Override
	public Case saveNew(Case c) {
		check(c);
		jdbc.sql(INSERT).params(CaseColumns.all(c)).update();
		c.saved(0L);
		snapshots.committed(c, true); // a new case has no assisting departments
		return c;
	}

	@Override
	public List<Case> saveAllNew(List<Case> reported) {
		if (reported.isEmpty()) {
			return reported;
		}
		MultiRowInsert.insertAll(template.getJdbcTemplate(), List.of(rows(reported)));
		saved(reported);
		return reported;
	}

	/**
	 * The multi-row INSERT of new cases, not yet executed: for the intake writer, which sends it with the cases'
	 * first history entries in one round trip (decision cases-30), then calls {@link #saved}.
	 */
	MultiRowInsert.Rows rows(List<Case> reported) {
		var rows = new ArrayList<Object[]>(reported.size());
		for (var c : reported) {
			check(c);
			rows.add(row(c));
		}
		return MultiRowInsert.Rows.of(INTO, TYPES, rows);
	}

	/** The cases of {@link #rows} were inserted (in the current transaction). */
	void saved(List<Case> reported) {
		for (var c : reported) {
			c.saved(0L);
		}
		snapshots.committedAll(reported, true); // a new case has no assisting departments
	}

	private static void check(Case c) {
		if (c.version() != 0 || c.status() == null) {
			throw new IllegalArgumentException("saveNew and saveAllNew take cases that were never saved");
		}
	}

	/** The values of a new case in the order of {@link #COLUMNS}, version 0 last. */
	private static Object[] row(Case c) {
		var all = CaseColumns.all(c);
		var row = new Object[PARAMETERS.size() + 1];
		for (var i = 0; i < PARAMETERS.size(); i++) {
			var name = PARAMETERS.get(i);
			if (!all.containsKey(name)) {
				throw new IllegalStateException("CaseColumns.all has no parameter " + name);
			}
			row[i] = all.get(name);
		}
		row[PARAMETERS.size()] = 0L;
		return row;
	}

	/** {@code reported_at} is {@code reportedAt}; every column but version. */
	private static List<String> parameters(String columns) {
		var underscore = Pattern.compile("_([a-z])");
		var names = new ArrayList<String>();
		for (var column : columns.split(",")) {
			var name = column.strip();
			if (!name.equals("version")) {
				names.add(underscore.matcher(name).replaceAll(m -> m.group(1).toUpperCase()));
			}
		}
		return List.copyOf(names);
	}

}
