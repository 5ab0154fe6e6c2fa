package io.grassroots.bench.city;

import java.time.Instant;
import java.util.UUID;

/** One table's rows in PostgreSQL's COPY text format, built in memory for one batch. */
final class Copy {

	final String table;

	final String columns;

	final StringBuilder rows = new StringBuilder(1 << 20);

	long count;

	private boolean first = true;

	Copy(String table, String columns) {
		this.table = table;
		this.columns = columns;
	}

	String sql() {
		return "copy " + table + " (" + columns + ") from stdin";
	}

	Copy add(Object value) {
		if (!first) {
			rows.append('\t');
		}
		first = false;
		if (value == null) {
			rows.append("\\N");
		}
		else if (value instanceof String s) {
			escape(s);
		}
		else {
			rows.append(value);
		}
		return this;
	}

	Copy add(Instant at) {
		return add((Object) (at == null ? null : at.toString()));
	}

	Copy add(UUID id) {
		return add((Object) id);
	}

	void end() {
		rows.append('\n');
		first = true;
		count++;
	}

	void clear() {
		rows.setLength(0);
		count = 0;
	}

	private void escape(String s) {
		for (var i = 0; i < s.length(); i++) {
			var c = s.charAt(i);
			switch (c) {
				case '\\' -> rows.append("\\\\");
				case '\t' -> rows.append("\\t");
				case '\n' -> rows.append("\\n");
				case '\r' -> rows.append("\\r");
				default -> rows.append(c);
			}
		}
	}

}
