package io.grassroots.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Reads the columns of a row one after the other, by position ({@link CaseColumns#read}). */
final class RowCursor {

	private final ResultSet rs;

	private int column;

	RowCursor(ResultSet rs) {
		this.rs = rs;
	}

	String string() throws SQLException {
		return rs.getString(++column);
	}

	boolean bool() throws SQLException {
		return rs.getBoolean(++column);
	}

	int integer() throws SQLException {
		return rs.getInt(++column);
	}

	long longValue() throws SQLException {
		return rs.getLong(++column);
	}

	UUID uuid() throws SQLException {
		return rs.getObject(++column, UUID.class);
	}

	<T> T object(Class<T> type) throws SQLException {
		return rs.getObject(++column, type);
	}

	Instant instant() throws SQLException {
		var at = rs.getTimestamp(++column);
		return at == null ? null : at.toInstant();
	}

}
