package io.grassroots.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import io.grassroots.shared.PendingWrites.Write;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * How {@link PendingWrites} runs its writes: one statement (its returned column as a generated key, as both
 * databases answer it), or several as one multi-statement command (PostgreSQL), each outcome handed on in order.
 */
final class WriteCommands {

	private WriteCommands() {
	}

	static void runOne(JdbcTemplate jdbc, Write write) {
		var outcome = jdbc.execute((ConnectionCallback<Object[]>) connection -> {
			var returning = write.returning();
			try (var statement = returning == null ? connection.prepareStatement(write.sql())
					: connection.prepareStatement(write.sql(), new String[] { returning })) {
				bind(statement, 1, write.values());
				var count = statement.executeUpdate();
				if (returning == null) {
					return new Object[] { count, null };
				}
				try (var keys = statement.getGeneratedKeys()) {
					return new Object[] { count, keys.next() ? keys.getObject(1) : null };
				}
			}
		});
		write.then().written((Integer) outcome[0], outcome[1]);
	}

	/**
	 * The writes as one multi-statement command: one pipeline, one sync; PostgreSQL runs them in order, and a failing
	 * one fails the command (and the transaction). The outcomes are handed on in order once all have run.
	 */
	static void runTogether(JdbcTemplate jdbc, List<Write> writes) {
		var sql = new StringBuilder();
		for (var write : writes) {
			if (!sql.isEmpty()) {
				sql.append(";\n");
			}
			sql.append(write.sql());
			if (write.returning() != null) {
				sql.append(" returning ").append(write.returning());
			}
		}
		var outcomes = jdbc.execute((ConnectionCallback<Object[][]>) connection -> {
			try (var statement = connection.prepareStatement(sql.toString())) {
				var p = 1;
				for (var write : writes) {
					p = bind(statement, p, write.values());
				}
				return outcomes(statement, statement.execute(), writes.size());
			}
		});
		for (var i = 0; i < writes.size(); i++) {
			writes.get(i).then().written((Integer) outcomes[i][0], outcomes[i][1]);
		}
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

	private static int bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
		var p = first;
		for (var value : values) {
			StatementCreatorUtils.setParameterValue(statement, p++, SqlTypeValue.TYPE_UNKNOWN, value);
		}
		return p;
	}

}
