package io.grassroots.shared;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The statement texts {@link OneCommand}, {@link WriteCommands} and {@link MultiRowInsert} compose from their parts
 * (a multi-statement command's statements joined, an insert's casts, a {@code returning} clause), composed once per
 * distinct set of parts and then answered as the same string. Composed afresh on every write they were ≈ 15 % of the
 * bytes a lifecycle allocates (a transaction's joined command is 1–3 KB), and pgjdbc then hashed and compared the new
 * string's every character to find its prepared statement in its cache; the same instance has its hash kept and is
 * equal at the first comparison (bench/RESULTS.md § lifecycle, lifecycle26).
 * <p>
 * The texts are those the parts compose to, character for character: only when they are made changes. The product's
 * statements are constants, so the distinct texts are few; past {@link #LIMIT} of one kind (a caller that builds its
 * statements from data) a text is composed each time and not kept.
 */
final class SqlTexts {

	/** The most texts kept of each kind. */
	static final int LIMIT = 1024;

	private static final Memo<List<String>> JOINED = new Memo<>(parts -> String.join(";\n", parts));

	private static final Memo<Cast> CASTS = new Memo<>(Cast::compose);

	private static final Memo<Values> VALUES = new Memo<>(Values::compose);

	private static final Memo<List<String>> RETURNING = new Memo<>(key -> key.get(0) + " returning " + key.get(1));

	private SqlTexts() {
	}

	/** The statements as one multi-statement command: joined by {@code ;} and a line break, in order. */
	static String joined(String... statements) {
		return JOINED.get(Arrays.asList(statements));
	}

	/** {@code sql returning column}. */
	static String returning(String sql, String column) {
		return RETURNING.get(List.of(sql, column));
	}

	/**
	 * {@code into} followed by {@code prefix}, one {@code ?::type} (with {@code arrays}: {@code ?::type[]}) per type
	 * separated by commas, {@code )}, and the suffix (if not empty) after a space.
	 */
	static String casts(String into, String prefix, List<String> types, boolean arrays, String suffix) {
		return CASTS.get(new Cast(into, prefix, types, arrays, suffix));
	}

	/**
	 * {@code into values (?, …, ?), …}: {@code rows} rows of {@code columns} parameters, and the suffix (if not
	 * empty) after a space.
	 */
	static String values(String into, int columns, int rows, String suffix) {
		return VALUES.get(new Values(into, columns, rows, suffix));
	}

	/** An insert's text with rows of plain parameters. */
	private record Values(String into, int columns, int rows, String suffix) {

		String compose() {
			var row = "(" + "?, ".repeat(columns - 1) + "?)";
			var sql = new StringBuilder(into.length() + rows * (row.length() + 2) + suffix.length() + 10).append(into)
				.append(" values ");
			for (var i = 0; i < rows; i++) {
				sql.append(i == 0 ? "" : ", ").append(row);
			}
			return suffix.isEmpty() ? sql.toString() : sql.append(' ').append(suffix).toString();
		}

	}

	/** An insert's text with a cast per parameter. */
	private record Cast(String into, String prefix, List<String> types, boolean arrays, String suffix) {

		String compose() {
			var sql = new StringBuilder(into).append(prefix);
			for (var i = 0; i < types.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append("?::").append(types.get(i)).append(arrays ? "[]" : "");
			}
			sql.append(')');
			return suffix.isEmpty() ? sql.toString() : sql.append(' ').append(suffix).toString();
		}

	}

	/** Texts by their parts, up to {@link #LIMIT}. */
	static final class Memo<K> {

		private final ConcurrentHashMap<K, String> texts = new ConcurrentHashMap<>();

		private final Function<K, String> compose;

		Memo(Function<K, String> compose) {
			this.compose = compose;
		}

		String get(K key) {
			var text = texts.get(key);
			if (text != null) {
				return text;
			}
			text = compose.apply(key);
			if (texts.size() < LIMIT) {
				var kept = texts.putIfAbsent(key, text);
				return kept != null ? kept : text;
			}
			return text;
		}

	}

}
