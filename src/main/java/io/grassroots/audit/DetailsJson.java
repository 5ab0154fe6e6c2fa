package io.grassroots.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * An entry's details as JSON, keys sorted: the text that is stored and hashed. The details of a case transition are a
 * handful of strings, flags, whole numbers and lists of strings; those are written here directly, character for
 * character as the history's Jackson mapper writes them ({@code DetailsJsonTests} compares both), and anything else
 * (nested maps, dates, decimals, enums …) goes through the mapper. Jackson (its serializer look-ups per call, the
 * sorted copy of the map) was 5 % of a case transition's samples on the driving thread, one of the deepest code paths
 * the JIT had to compile for it (bench/RESULTS.md § lifecycle, 2026-12-04).
 */
final class DetailsJson {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/** The longest text whose builder is kept per thread (as {@link ChainHash#KEPT}). */
	private static final int KEPT = ChainHash.KEPT;

	private static final ThreadLocal<Text> TEXT = ThreadLocal.withInitial(Text::new);

	private final JsonMapper mapper;

	DetailsJson(JsonMapper mapper) {
		this.mapper = mapper;
	}

	String write(Map<String, ?> details) {
		if (!plain(details)) {
			return mapper.writeValueAsString(new TreeMap<>(details));
		}
		var text = TEXT.get();
		var count = details.size();
		var keys = details.keySet().toArray(count <= text.keys.length ? text.keys : new String[count]);
		Arrays.sort(keys, 0, count);
		var json = text.json;
		json.setLength(0);
		json.append('{');
		for (var i = 0; i < count; i++) {
			if (i > 0) {
				json.append(',');
			}
			string(json, keys[i]).append(':');
			value(json, details.get(keys[i]));
		}
		var written = json.append('}').toString();
		Arrays.fill(keys, 0, count, null);
		if (json.capacity() > KEPT) {
			text.json = new StringBuilder(256);
		}
		return written;
	}

	/**
	 * A thread's builder of the details' text and array of their keys, kept from entry to entry: a builder per entry
	 * (grown, and widened to two bytes per character by a Chinese note) and the keys' array were most of what an
	 * entry's details cost besides their stored string (bench/RESULTS.md § lifecycle, lifecycle23).
	 */
	private static final class Text {

		private StringBuilder json = new StringBuilder(256);

		private final String[] keys = new String[16];

	}

	/** Whether every key is a string and every value one that {@link #value} writes. */
	private static boolean plain(Map<String, ?> details) {
		for (var e : details.entrySet()) {
			if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
				return false;
			}
		}
		return true;
	}

	private static boolean plain(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long) {
			return true;
		}
		if (value instanceof List<?> list) {
			for (var item : list) {
				if (!(item instanceof String)) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	private static void value(StringBuilder json, Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof String s) {
			string(json, s);
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (var i = 0; i < list.size(); i++) {
				if (i > 0) {
					json.append(',');
				}
				string(json, (String) list.get(i));
			}
			json.append(']');
		}
		else {
			json.append(value);
		}
	}

	/**
	 * A JSON string as Jackson writes it by default: quote, backslash and control characters escaped. A string with
	 * none of them (most keys and values) is appended whole, not character by character.
	 */
	private static StringBuilder string(StringBuilder json, String s) {
		json.append('"');
		var from = 0;
		for (var i = 0; i < s.length(); i++) {
			var c = s.charAt(i);
			if (c >= 0x20 && c != '"' && c != '\\') {
				continue;
			}
			json.append(s, from, i);
			from = i + 1;
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\b' -> json.append("\\b");
				case '\t' -> json.append("\\t");
				case '\n' -> json.append("\\n");
				case '\f' -> json.append("\\f");
				case '\r' -> json.append("\\r");
				default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		if (from == 0) {
			return json.append(s).append('"');
		}
		return json.append(s, from, s.length()).append('"');
	}

}
