package io.grassroots.bench.city;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, printed with every figure (the machine is shared). */
final class Load {

	private Load() {
	}

	static String now() {
		try {
			var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (Exception e) {
			return "?";
		}
	}

}
