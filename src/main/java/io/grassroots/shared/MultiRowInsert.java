package io.grassroots.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;

/**
 * Writes many rows with multi-row {@code INSERT … VALUES (…), (…)} statements instead of one execution per row (a
 * JDBC batch still executes the statement once per row on the server). The same SQL runs on PostgreSQL and H2. Rows
 * go in statements of {@value #MOST} rows and the rest in statements of decreasing powers of two, so that only a
 * dozen distinct statements are ever prepared. Rows that need an answer each (which ones went in) use
 * {@link #insertReturning}: the database's generated keys, which hold only the rows inserted.
 * <p>
 * Given the columns' PostgreSQL types, on PostgreSQL all the rows go in one statement instead, {@code insert …
 * select * from unnest(?::uuid[], ?::text[], …)}, one array parameter per column: its text is parsed and its plan
 * made once, however many rows (a {@code values} list of 512 rows is parsed and planned anew on most executions:
 * parse and bind were about 40 % of the inserts' time in the deadline sweep, decision supervision-06). A single row
 * goes as {@code insert … values (?::uuid, ?::text, …)} instead, without arrays to parse and unnest (decision
 * cases-42). H2 keeps the {@code values} lists.
 */
public final class MultiRowInsert {

	/** Rows per statement at most (PostgreSQL takes up to 32,767 parameters in one statement). */
	static final int MOST = 512;

	private MultiRowInsert() {
	}

	/**
	 * The rows of a multi-row INSERT made and not yet executed, to be sent with others in one round trip
	 * ({@link #insertAll}). {@code types} are the columns' PostgreSQL types (on PostgreSQL then one statement of array
	 * parameters, as {@link #insert(JdbcTemplate, String, List, List)}), or null for {@code values} lists (as
	 * {@link #insert(JdbcTemplate, String, int, List)}).
	 */
	public record Rows(String into, int columns, List<String> types, List<Object[]> rows) {

		public Rows {
			check(columns, rows);
			types = types == null ? null : List.copyOf(types);
			rows = List.copyOf(rows);
		}

		/** Rows for {@code values} lists. */
		public static Rows of(String into, int columns, List<Object[]> rows) {
			return new Rows(into, columns, null, rows);
		}

		/** Rows for one statement of array parameters on PostgreSQL ({@code values} lists elsewhere). */
		public static Rows of(String into, List<String> types, List<Object[]> rows) {
			return new Rows(into, types.size(), types, rows);
		}

	}

	/**
	 * Inserts each {@link Rows} in the order given. On PostgreSQL all the statements go as one multi-statement
	 * command ({@link OneCommand}, as {@link PendingWrites} sends its writes) — pgjdbc sends its parts as one pipeline
	 * with one sync, PostgreSQL runs them in order, and a failing part fails the command — so the caller waits for one
	 * answer instead of one per statement (decision cases-30).
	 * Elsewhere each statement is executed alone, exactly as the single inserts do.
	 */
	public static void insertAll(JdbcTemplate jdbc, List<Rows> inserts) {
		// a loop, not a stream: the intake writer's on every batch (bench/RESULTS.md § lifecycle, lifecycle25)
		var writing = new ArrayList<Rows>(inserts.size());
		for (var rows : inserts) {
			if (!rows.rows().isEmpty()) {
				writing.add(rows);
			}
		}
		if (writing.isEmpty()) {
			return;
		}
		// the connection as it is, without JdbcTemplate's close-suppressing proxy (its reflective calls), the statement
		// with the transaction's timeout as the proxy gave it
		var dataSource = jdbc.getDataSource();
		WriteCommands.onConnection(dataSource, jdbc.getExceptionTranslator(), "ConnectionCallback", null, connection -> {
			if (!postgres(connection)) {
				for (var rows : writing) {
					if (rows.types() == null) {
						insert(jdbc, rows.into(), rows.columns(), rows.rows());
					}
					else {
						insert(jdbc, rows.into(), rows.types(), rows.rows());
					}
				}
				return null;
			}
			var parts = new ArrayList<OneCommand.Part>(writing.size());
			for (var rows : writing) {
				if (rows.types() != null) {
					parts.add(typed(rows.into(), rows.types(), rows.rows()));
					continue;
				}
				for (var chunk : chunks(rows.rows())) {
					parts.add(new OneCommand.Part(sql(rows.into(), rows.columns(), chunk.size(), ""),
							(statement, first) -> bindValues(statement, first, chunk)));
				}
			}
			OneCommand.run(connection, parts, dataSource);
			return null;
		});
	}

	/**
	 * Inserts the rows in order.
	 * @param into the statement up to its values, e.g. {@code insert into t (a, b)}
	 * @param columns the number of values in each row
	 */
	public static void insert(JdbcTemplate jdbc, String into, int columns, List<Object[]> rows) {
		check(columns, rows);
		for (var chunk : chunks(rows)) {
			jdbc.update(connection -> prepare(connection.prepareStatement(sql(into, columns, chunk.size(), "")), chunk));
		}
	}

	/**
	 * Inserts the rows in order: on PostgreSQL in one statement of array parameters, elsewhere as {@link #insert(
	 * JdbcTemplate, String, int, List)}.
	 * @param types the PostgreSQL type of each column's values, e.g. {@code uuid}, {@code text}, {@code timestamptz}
	 */
	public static void insert(JdbcTemplate jdbc, String into, List<String> types, List<Object[]> rows) {
		check(types.size(), rows);
		if (rows.isEmpty()) {
			return;
		}
		if (!jdbc.execute(MultiRowInsert::postgres)) {
			insert(jdbc, into, types.size(), rows);
			return;
		}
		var part = typed(into, types, rows);
		jdbc.update(connection -> {
			var statement = connection.prepareStatement(part.sql());
			try {
				part.binder().bind(statement, 1);
				return statement;
			}
			catch (SQLException | RuntimeException e) {
				statement.close();
				throw e;
			}
		});
	}

	/**
	 * The typed rows' statement on PostgreSQL: one row as {@code insert … values (?::uuid, ?::text, …)}, each value
	 * bound as the text its array element would have (the same input function of the same type reads it, so the same
	 * row is stored); more rows as {@link #unnest} of one array per column. A single row in arrays cost its backend
	 * the arrays' parsing, the function scan over {@code unnest} and its projection: ≈ 140 µs more of the server's CPU
	 * for an intake of one report (its case row and first history entry) than the same row in {@code values}
	 * (bench/RESULTS.md § lifecycle, lifecycle19; decision cases-42).
	 */
	private static OneCommand.Part typed(String into, List<String> types, List<Object[]> rows) {
		if (rows.size() == 1) {
			var row = rows.get(0);
			return new OneCommand.Part(single(into, types), (statement, first) -> bindTexts(statement, first, row));
		}
		return new OneCommand.Part(unnest(into, types, ""),
				(statement, first) -> bindArrays(statement, first, types, rows));
	}

	/** {@code insert … values (?::uuid, ?::text, …)}: one row, each parameter cast to its column's type. */
	static String single(String into, List<String> types) {
		return SqlTexts.casts(into, " values (", types, false, "");
	}

	/** Binds each value of a row as the text of its array element ({@link #array}); answers the next index. */
	private static int bindTexts(PreparedStatement statement, int first, Object[] row) throws SQLException {
		var p = first;
		for (var value : row) {
			if (value == null) {
				statement.setNull(p++, Types.NULL);
			}
			else {
				statement.setObject(p++, text(value), Types.OTHER);
			}
		}
		return p;
	}

	/** The text of a value as an array element holds it (unquoted): instants as ISO-8601 in UTC. */
	private static String text(Object value) {
		if (value instanceof Instant at) {
			return InstantText.of(at);
		}
		if (value instanceof Timestamp timestamp) {
			return InstantText.of(timestamp.toInstant());
		}
		return value.toString();
	}

	/**
	 * {@link #insertReturning(JdbcTemplate, String, int, String, List, String, Class)}, on PostgreSQL in one
	 * statement of array parameters.
	 * @param types the PostgreSQL type of each column's values
	 */
	public static <K> List<K> insertReturning(JdbcTemplate jdbc, String into, List<String> types, String suffix,
			List<Object[]> rows, String key, Class<K> type) {
		check(types.size(), rows);
		if (rows.isEmpty()) {
			return List.of();
		}
		if (!jdbc.execute(MultiRowInsert::postgres)) {
			return insertReturning(jdbc, into, types.size(), suffix, rows, key, type);
		}
		var keys = new ArrayList<K>();
		jdbc.execute(connection -> arrays(connection.prepareStatement(unnest(into, types, suffix), new String[] { key }),
				types, rows), collecting(keys, type));
		return keys;
	}

	/** Executes the INSERT and adds the generated key of each row that went in to {@code keys}. */
	private static <K> PreparedStatementCallback<Void> collecting(List<K> keys, Class<K> type) {
		return statement -> {
			statement.executeUpdate();
			try (var generated = statement.getGeneratedKeys()) {
				while (generated.next()) {
					keys.add(generated.getObject(1, type));
				}
			}
			return null;
		};
	}

	private static boolean postgres(Connection connection) throws SQLException {
		return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
	}

	static String unnest(String into, List<String> types, String suffix) {
		return SqlTexts.casts(into, " select * from unnest(", types, true, suffix);
	}

	/** Binds each column's values as the text of one array (PostgreSQL parses it as the cast's type). */
	private static PreparedStatement arrays(PreparedStatement statement, List<String> types, List<Object[]> rows)
			throws SQLException {
		try {
			bindArrays(statement, 1, types, rows);
			return statement;
		}
		catch (SQLException | RuntimeException e) {
			statement.close();
			throw e;
		}
	}

	/** {@link #arrays} from parameter {@code first} on; answers the next parameter's index. */
	private static int bindArrays(PreparedStatement statement, int first, List<String> types, List<Object[]> rows)
			throws SQLException {
		for (var column = 0; column < types.size(); column++) {
			statement.setObject(first + column, array(rows, column), Types.OTHER);
		}
		return first + types.size();
	}

	/**
	 * The array literal of one column: {@code {"a","b",NULL}}, each value quoted with {@code "} and {@code \}
	 * escaped; instants as ISO-8601 in UTC (exact to the microsecond, as PostgreSQL stores them). A value without
	 * either character is appended whole: copying the text character by character was a quarter of the intake
	 * writer's thread (bench/RESULTS.md § intake, 2026-12-06).
	 */
	static String array(List<Object[]> rows, int column) {
		var text = new StringBuilder(rows.size() * 40).append('{');
		for (var i = 0; i < rows.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			var value = rows.get(i)[column];
			if (value == null) {
				text.append("NULL");
				continue;
			}
			if (value instanceof Instant || value instanceof Timestamp) {
				text.append('"');
				InstantText.append(text, value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value);
				text.append('"');
				continue;
			}
			var string = value.toString();
			text.append('"');
			appendEscaped(text, string);
			text.append('"');
		}
		return text.append('}').toString();
	}

	/** The string with {@code "} and {@code \} escaped by a backslash; without either (nearly always) appended whole. */
	private static void appendEscaped(StringBuilder text, String string) {
		if (string.indexOf('"') < 0 && string.indexOf('\\') < 0) {
			text.append(string);
			return;
		}
		for (var c = 0; c < string.length(); c++) {
			var ch = string.charAt(c);
			if (ch == '"' || ch == '\\') {
				text.append('\\');
			}
			text.append(ch);
		}
	}

	/** {@link Instant#toString()}'s text ({@link InstantText}). */
	static String instant(Instant at) {
		return InstantText.of(at);
	}

	/**
	 * Inserts the rows in order and answers the given key column of the rows that went in (with {@code suffix =
	 * "on conflict do nothing"}, not those that were there already).
	 */
	public static <K> List<K> insertReturning(JdbcTemplate jdbc, String into, int columns, String suffix,
			List<Object[]> rows, String key, Class<K> type) {
		check(columns, rows);
		var keys = new ArrayList<K>();
		for (var chunk : chunks(rows)) {
			jdbc.execute(connection -> prepare(connection.prepareStatement(sql(into, columns, chunk.size(), suffix),
					new String[] { key }), chunk), collecting(keys, type));
		}
		return keys;
	}

	private static void check(int columns, List<Object[]> rows) {
		for (var row : rows) {
			if (row.length != columns) {
				throw new IllegalArgumentException("A row of " + row.length + " values for " + columns + " columns");
			}
		}
	}

	static List<List<Object[]>> chunks(List<Object[]> rows) {
		var chunks = new ArrayList<List<Object[]>>();
		var from = 0;
		var size = MOST;
		while (from < rows.size()) {
			while (size > rows.size() - from) {
				size /= 2;
			}
			chunks.add(rows.subList(from, from + size));
			from += size;
		}
		return chunks;
	}

	static String sql(String into, int columns, int rows, String suffix) {
		return SqlTexts.values(into, columns, rows, suffix);
	}

	private static PreparedStatement prepare(PreparedStatement statement, List<Object[]> rows) throws SQLException {
		try {
			bindValues(statement, 1, rows);
			return statement;
		}
		catch (SQLException | RuntimeException e) {
			statement.close();
			throw e;
		}
	}

	/** Binds the rows' values one after the other from parameter {@code first} on; answers the next index. */
	private static int bindValues(PreparedStatement statement, int first, List<Object[]> rows) throws SQLException {
		var i = first;
		for (var row : rows) {
			for (var value : row) {
				if (value == null) {
					statement.setNull(i++, Types.NULL);
				}
				else {
					statement.setObject(i++, value);
				}
			}
		}
		return i;
	}

}
