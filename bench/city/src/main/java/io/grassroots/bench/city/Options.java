package io.grassroots.bench.city;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} and {@code --flag} arguments. */
record Options(Map<String, String> values) {

	static Options parse(String[] args) {
		var values = new HashMap<String, String>();
		for (var i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument " + args[i]);
			}
			var name = args[i].substring(2);
			if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				values.put(name, args[++i]);
			}
			else {
				values.put(name, "true");
			}
		}
		return new Options(values);
	}

	String get(String name, String fallback) {
		return values.getOrDefault(name, fallback);
	}

	long longValue(String name, long fallback) {
		return values.containsKey(name) ? Long.parseLong(values.get(name).replace("_", "").replace(",", "")) : fallback;
	}

}
