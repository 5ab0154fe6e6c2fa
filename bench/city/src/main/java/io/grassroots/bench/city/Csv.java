package io.grassroots.bench.city;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** RFC 4180 CSV (quoted fields may hold commas, quotes and newlines), read whole; rows as header → value maps. */
final class Csv {

	private Csv() {
	}

	static List<Map<String, String>> read(Path file) throws IOException {
		var text = Files.readString(file, StandardCharsets.UTF_8);
		var rows = parse(text);
		var header = rows.get(0);
		var out = new ArrayList<Map<String, String>>(rows.size());
		for (var r = 1; r < rows.size(); r++) {
			var row = new HashMap<String, String>();
			for (var i = 0; i < header.size() && i < rows.get(r).size(); i++) {
				row.put(header.get(i), rows.get(r).get(i));
			}
			out.add(row);
		}
		return out;
	}

	static List<List<String>> parse(String text) {
		var rows = new ArrayList<List<String>>();
		var row = new ArrayList<String>();
		var field = new StringBuilder();
		var quoted = false;
		for (var i = text.startsWith("\uFEFF") ? 1 : 0; i < text.length(); i++) {
			var c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

}
