package io.grassroots.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes many rows with multi-row {@code INSERT … VALUES (…), (…)} statements instead of one execution per row (a
 * JDBC batch still executes the statement once per row on the server). The same SQL runs on PostgreSQL and H2. Rows
 * go in statements of {@value #MOST} rows and the rest in statements of decreasing powers of two, so that only a
 * dozen distinct statements are ever prepared. Rows that need an answer each (which ones went in) use
 * {@link #insertReturning}: the database's generated keys, which hold only the rows inserted.
 */
public final class MultiRowInsert {

	/** Rows per statement at most (PostgreSQL takes up to 32,767 parameters in one statement). */
	static final int MOST = 512;

	private MultiRowInsert() {
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
	 * Inserts the rows in order and answers the given key column of the rows that went in (with {@code suffix =
	 * "on conflict do nothing"}, not those that were there already).
	 */
	public static <K> List<K> insertReturning(JdbcTemplate jdbc, String into, int columns, String suffix,
			List<Object[]> rows, String key, Class<K> type) {
		check(columns, rows);
		var keys = new ArrayList<K>();
		for (var chunk : chunks(rows)) {
			jdbc.execute(connection -> prepare(connection.prepareStatement(sql(into, columns, chunk.size(), suffix),
					new String[] { key }), chunk), (PreparedStatement statement) -> {
						statement.executeUpdate();
						try (var generated = statement.getGeneratedKeys()) {
							while (generated.next()) {
								keys.add(generated.getObject(1, type));
							}
						}
						return null;
					});
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
		var row = "(" + "?, ".repeat(columns - 1) + "?)";
		var sql = new StringBuilder(into.length() + rows * (row.length() + 2) + suffix.length() + 10).append(into)
			.append(" values ");
		for (var i = 0; i < rows; i++) {
			sql.append(i == 0 ? "" : ", ").append(row);
		}
		return suffix.isEmpty() ? sql.toString() : sql.append(' ').append(suffix).toString();
	}

	private static PreparedStatement prepare(PreparedStatement statement, List<Object[]> rows) throws SQLException {
		try {
			var i = 1;
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
			return statement;
		}
		catch (SQLException | RuntimeException e) {
			statement.close();
			throw e;
		}
	}

}
