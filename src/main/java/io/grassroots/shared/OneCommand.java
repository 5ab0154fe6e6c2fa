package io.grassroots.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

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

	/**
	 * The parts' texts as one command: a single part's own text, several joined once by {@link SqlTexts#joined} (the
	 * same string each time for the same texts, lifecycle25 and lifecycle26).
	 */
	static String sql(List<Part> parts) {
		if (parts.size() == 1) {
			return parts.get(0).sql();
		}
		var statements = new String[parts.size()];
		for (var i = 0; i < statements.length; i++) {
			statements[i] = parts.get(i).sql();
		}
		return SqlTexts.joined(statements);
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
