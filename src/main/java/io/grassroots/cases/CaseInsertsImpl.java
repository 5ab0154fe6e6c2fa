package io.grassroots.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

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

	/** Where each of {@link #PARAMETERS} is in {@link CaseColumns#allValues}. */
	private static final int[] POSITIONS = positions();

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

	/**
	 * The columns of {@link #COLUMNS} that a case fills only after its intake (a later tier, a lead department, a
	 * merge, a pause, an extension, a rating, the later steps' times): null in every case an intake creates. A batch
	 * whose rows all leave them null goes without them ({@link #INTO_REPORTED}, {@link #TYPES_REPORTED}): 38 arrays
	 * instead of 53, which PostgreSQL parses, unnests and projects per batch (decision cases-34). None of them has a
	 * default, so the stored rows are the same.
	 */
	private static final List<String> LATER = List.of("resolved_at_tier", "lead_department", "merged_into",
			"parked_at", "parked_remaining_seconds", "extension_amount", "extension_unit", "rating", "resolved",
			"filed_at", "dispatched_at", "claimed_at", "reported_back_at", "closed_at", "evaluated_at");

	/** The positions in {@link #COLUMNS} (and a row of {@link #row}) of the columns not in {@link #LATER}. */
	private static final int[] REPORTED = reported();

	private static final String INTO_REPORTED = "insert into cases_case (" + String.join(", ",
			Arrays.stream(REPORTED).mapToObj(i -> columns().get(i)).toList()) + ")";

	private static final List<String> TYPES_REPORTED = Arrays.stream(REPORTED).mapToObj(TYPES::get).toList();

	/**
	 * For each column of {@link #COLUMNS}, the position of its value in {@link CaseColumns#allValues} (-1: version,
	 * always 0); for those of {@link #REPORTED}; for those of {@link #LATER}.
	 */
	private static final int[] PICKED = IntStream.range(0, POSITIONS.length + 1)
		.map(i -> i < POSITIONS.length ? POSITIONS[i] : -1)
		.toArray();

	private static final int[] PICKED_REPORTED = Arrays.stream(REPORTED).map(i -> PICKED[i]).toArray();

	private static final int[] PICKED_LATER = IntStream.range(0, PICKED.length)
		.filter(i -> Arrays.stream(REPORTED).noneMatch(r -> r == i))
		.map(i -> PICKED[i])
		.toArray();

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
		// each case's values once ({@link CaseColumns#allValues}), then picked into the row the INSERT binds: no full
		// row per case first when the shorter one goes (bench/RESULTS.md § lifecycle, lifecycle25)
		var values = new ArrayList<Object[]>(reported.size());
		var later = false;
		for (var c : reported) {
			check(c);
			var all = CaseColumns.allValues(c);
			later |= fillsLater(all);
			values.add(all);
		}
		var picked = later ? PICKED : PICKED_REPORTED;
		var rows = new ArrayList<Object[]>(values.size());
		for (var all : values) {
			rows.add(pick(all, picked));
		}
		return later ? MultiRowInsert.Rows.of(INTO, TYPES, rows) : MultiRowInsert.Rows.of(INTO_REPORTED, TYPES_REPORTED, rows);
	}

	/**
	 * The values of {@link CaseColumns#allValues} at the given positions ({@link #PICKED}, {@link #PICKED_REPORTED}),
	 * -1 for version: 0.
	 */
	private static Object[] pick(Object[] all, int[] positions) {
		var row = new Object[positions.length];
		for (var i = 0; i < positions.length; i++) {
			row[i] = positions[i] < 0 ? (Object) 0L : all[positions[i]];
		}
		return row;
	}

	/** Whether values of {@link CaseColumns#allValues} have one in a column of {@link #LATER}. */
	private static boolean fillsLater(Object[] all) {
		for (var position : PICKED_LATER) {
			if (all[position] != null) {
				return true;
			}
		}
		return false;
	}

	/** Every column of {@link #COLUMNS}, in order. */
	private static List<String> columns() {
		return Arrays.stream(COLUMNS.split(",")).map(String::strip).toList();
	}

	private static int[] reported() {
		var all = columns();
		if (!all.containsAll(LATER) || all.size() != TYPES.size()) {
			throw new IllegalStateException("LATER and TYPES must match COLUMNS");
		}
		return IntStream.range(0, all.size()).filter(i -> !LATER.contains(all.get(i))).toArray();
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

	/** For each of {@link #PARAMETERS}, its position in {@link CaseColumns#ALL}. */
	private static int[] positions() {
		var positions = new int[PARAMETERS.size()];
		for (var i = 0; i < positions.length; i++) {
			positions[i] = CaseColumns.ALL.indexOf(PARAMETERS.get(i));
			if (positions[i] < 0) {
				throw new IllegalStateException("CaseColumns.ALL has no parameter " + PARAMETERS.get(i));
			}
		}
		return positions;
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
