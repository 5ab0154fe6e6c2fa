package io.grassroots.shared;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.grassroots.shared.PendingWrites.Write;

import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;

/**
 * How {@link PendingWrites} runs its writes: one statement (its returned column as a generated key, as both
 * databases answer it), or several as one multi-statement command (PostgreSQL), each outcome handed on in order.
 * <p>
 * The connection is the transaction's, taken and released as {@code JdbcTemplate} does, and an {@code SQLException}
 * is translated by the same translator — but without {@code JdbcTemplate.execute(ConnectionCallback)}'s
 * close-suppressing proxy of the connection, whose reflective calls and creation were ≈ 3 % of a transition's thread
 * (bench/RESULTS.md § lifecycle, lifecycle17). The values are bound by type ({@link #bind(PreparedStatement, int,
 * Object)}).
 */
final class WriteCommands {

	private final DataSource dataSource;

	private final SQLExceptionTranslator translator;

	/** Whether instants go as PostgreSQL's text of their UTC time ({@link TimestampText}). */
	private final boolean postgres;

	WriteCommands(JdbcTemplate jdbc, boolean postgres) {
		this.dataSource = jdbc.getDataSource();
		this.translator = jdbc.getExceptionTranslator();
		this.postgres = postgres;
	}

	void runOne(Write write) {
		var outcome = onConnection(write.sql(), connection -> {
			var returning = write.returning();
			try (var statement = returning == null ? connection.prepareStatement(write.sql())
					: connection.prepareStatement(write.sql(), new String[] { returning })) {
				DataSourceUtils.applyTransactionTimeout(statement, dataSource);
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
	void runTogether(List<Write> writes) {
		var parts = new ArrayList<OneCommand.Part>(writes.size());
		for (var write : writes) {
			var sql = write.returning() == null ? write.sql() : SqlTexts.returning(write.sql(), write.returning());
			parts.add(new OneCommand.Part(sql, (statement, first) -> bind(statement, first, write.values())));
		}
		var outcomes = onConnection(null, connection -> OneCommand.run(connection, parts, dataSource));
		for (var i = 0; i < writes.size(); i++) {
			writes.get(i).then().written((Integer) outcomes[i][0], outcomes[i][1]);
		}
	}

	interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

	private <T> T onConnection(String sql, Work<T> work) {
		return onConnection(dataSource, translator, "PendingWrites", sql, work);
	}

	/**
	 * Runs {@code work} on the transaction's connection (or one of its own), as {@code JdbcTemplate.execute} would: the
	 * connection released before an exception is translated (as {@code task}), but handed to {@code work} as it is,
	 * without {@code JdbcTemplate}'s close-suppressing proxy; statements that {@code work} prepares get the
	 * transaction's timeout from it ({@link OneCommand#run(Connection, List, DataSource)}).
	 */
	static <T> T onConnection(DataSource dataSource, SQLExceptionTranslator translator, String task, String sql,
			Work<T> work) {
		var connection = DataSourceUtils.getConnection(dataSource);
		try {
			return work.run(connection);
		}
		catch (SQLException e) {
			DataSourceUtils.releaseConnection(connection, dataSource);
			connection = null;
			var translated = translator.translate(task, sql, e);
			throw translated != null ? translated : new UncategorizedSQLException(task, sql, e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private int bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
		var p = first;
		for (var value : values) {
			bind(statement, p++, value);
		}
		return p;
	}

	/**
	 * Binds one value with the setter {@code StatementCreatorUtils} (type unknown) ends with for the value types the
	 * writers pass — text, ids, numbers, flags — without its checks per parameter (parameter-value wrappers, logging,
	 * string and date inference); an instant ({@code Timestamp}) on PostgreSQL as the text of its UTC time with the
	 * type left to the server, as pgjdbc's {@code setTimestamp} sends it (the text in the JVM's time zone, formatted
	 * through a {@code Calendar}: 4 % of a transition's thread); nulls and any other type go through
	 * {@code StatementCreatorUtils} as before.
	 */
	void bind(PreparedStatement statement, int p, Object value) throws SQLException {
		if (value instanceof String text) {
			statement.setString(p, text);
		}
		else if (value instanceof UUID) {
			statement.setObject(p, value);
		}
		else if (value instanceof Timestamp at) {
			var text = postgres ? TimestampText.of(at) : null;
			if (text != null) {
				statement.setObject(p, text, Types.OTHER);
			}
			else {
				statement.setTimestamp(p, at);
			}
		}
		else if (value instanceof Integer number) {
			statement.setInt(p, number);
		}
		else if (value instanceof Long number) {
			statement.setLong(p, number);
		}
		else if (value instanceof Short number) {
			statement.setShort(p, number);
		}
		else if (value instanceof Boolean flag) {
			statement.setBoolean(p, flag);
		}
		else {
			StatementCreatorUtils.setParameterValue(statement, p, SqlTypeValue.TYPE_UNKNOWN, value);
		}
	}

}
