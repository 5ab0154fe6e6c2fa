package io.grassroots.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
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
	 * The writes as one multi-statement command ({@link OneCommand}): PostgreSQL runs them in order, and a failing one
	 * fails the command (and the transaction). The outcomes are handed on in order once all have run.
	 */
	static void runTogether(JdbcTemplate jdbc, List<Write> writes) {
		var parts = new ArrayList<OneCommand.Part>(writes.size());
		for (var write : writes) {
			var sql = write.returning() == null ? write.sql() : write.sql() + " returning " + write.returning();
			parts.add(new OneCommand.Part(sql, (statement, first) -> bind(statement, first, write.values())));
		}
		var outcomes = jdbc.execute((ConnectionCallback<Object[][]>) connection -> OneCommand.run(connection, parts));
		for (var i = 0; i < writes.size(); i++) {
			writes.get(i).then().written((Integer) outcomes[i][0], outcomes[i][1]);
		}
	}

	private static int bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
		var p = first;
		for (var value : values) {
			StatementCreatorUtils.setParameterValue(statement, p++, SqlTypeValue.TYPE_UNKNOWN, value);
		}
		return p;
	}

}
