package io.grassroots.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Several statements of one transaction sent as one multi-statement command on PostgreSQL: their texts joined by
 * {@code ;}, each part binding its own parameters after those of the parts before it (plain values, or the array
 * literals of {@link MultiRowInsert}). pgjdbc sends the parts as one pipeline with one sync, PostgreSQL runs them in
 * order, and a failing part fails the command (and the transaction): the caller waits for one answer instead of one
 * per statement (decisions cases-25, cases-29, cases-30). The one place both {@link PendingWrites} and
 * {@link MultiRowInsert#insertAll} send their statements together.
 */
final class OneCommand {

	/**
	 * The commands' texts joined so far, by their parts' texts: the same few combinations come again and again (the
	 * intake writer's case rows and history entries, a transition's writes), and joining them anew was ≈ 10 % of the
	 * intake writer's allocation (bench/RESULTS.md § lifecycle, lifecycle25). Bounded: beyond {@link #KEPT} texts, a
	 * text is joined each time, as before.
	 */
	private static final ConcurrentHashMap<List<String>, String> joined = new ConcurrentHashMap<>();

	private static final int KEPT = 512;

	private OneCommand() {
	}

	/** Binds a part's parameters from index {@code first} on and answers the next part's first index. */
	@FunctionalInterface
	interface Binder {

		int bind(PreparedStatement statement, int first) throws SQLException;

	}

	/** One statement of the command and how its parameters are bound. */
	record Part(String sql, Binder binder) {
	}

	/**
	 * Runs the parts as one command and answers, for each in order, its update count (for a part that returns rows:
	 * how many) and the first column of its first row (null for a part that returns none).
	 */
	static Object[][] run(Connection connection, List<Part> parts) throws SQLException {
		return run(connection, parts, null);
	}

	/** As {@link #run(Connection, List)}, the statement with the timeout of the data source's transaction, if any. */
	static Object[][] run(Connection connection, List<Part> parts, DataSource dataSource) throws SQLException {
		try (var statement = connection.prepareStatement(sql(parts))) {
			if (dataSource != null) {
				DataSourceUtils.applyTransactionTimeout(statement, dataSource);
			}
			var p = 1;
			for (var part : parts) {
				p = part.binder().bind(statement, p);
			}
			return outcomes(statement, statement.execute(), parts.size());
		}
	}

	/** The parts' texts joined by {@code ;}, from {@link #joined} or joined (and kept, while fewer than {@link #KEPT} are). */
	static String sql(List<Part> parts) {
		if (parts.size() == 1) {
			return parts.get(0).sql();
		}
		var texts = new ArrayList<String>(parts.size());
		var length = 0;
		for (var part : parts) {
			texts.add(part.sql());
			length += part.sql().length() + 2;
		}
		var known = joined.get(texts);
		if (known != null) {
			return known;
		}
		var sql = new StringBuilder(length);
		for (var text : texts) {
			sql.append(sql.isEmpty() ? "" : ";\n").append(text);
		}
		var text = sql.toString();
		if (joined.size() < KEPT) {
			joined.putIfAbsent(List.copyOf(texts), text);
		}
		return text;
	}

	/** Each part's update count (rows returned, for a part that returns rows) and first returned value. */
	private static Object[][] outcomes(PreparedStatement statement, boolean rows, int parts) throws SQLException {
		var outcomes = new Object[parts][];
		for (var i = 0; i < parts; i++) {
			if (rows) {
				try (var rs = statement.getResultSet()) {
					var count = 0;
					Object first = null;
					while (rs.next()) {
						if (count++ == 0) {
							first = rs.getObject(1);
						}
					}
					outcomes[i] = new Object[] { count, first };
				}
			}
			else {
				outcomes[i] = new Object[] { statement.getUpdateCount(), null };
			}
			rows = statement.getMoreResults();
		}
		return outcomes;
	}

}
