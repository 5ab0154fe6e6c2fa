package io.grassroots.bench.http;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Options as --name=value (a name may repeat for lists such as --jvm=-XX:…). */
final class Options {

	private final Map<String, List<String>> values = new HashMap<>();

	Options(String[] args) {
		for (var arg : args) {
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("unknown argument " + arg + " (options are --name=value)");
			}
			var eq = arg.indexOf('=');
			var name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
			var value = eq < 0 ? "true" : arg.substring(eq + 1);
			values.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
		}
	}

	String get(String name, String otherwise) {
		var v = values.get(name);
		return v == null ? otherwise : v.get(v.size() - 1);
	}

	List<String> list(String name) {
		return values.getOrDefault(name, List.of());
	}

	double number(String name, double otherwise) {
		return Double.parseDouble(get(name, Double.toString(otherwise)));
	}

	int[] ints(String name, String otherwise) {
		return Arrays.stream(get(name, otherwise).split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
	}

}
