package io.grassroots.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** What the figures were measured on: printed at the start of every run. */
final class Machine {

	private Machine() {
	}

	static void print(String benchmark) {
		System.out.printf("bench %s, %s%n", benchmark, Instant.now());
		System.out.printf("machine: %d cores, %s, %s RAM; load average %s%n", Runtime.getRuntime().availableProcessors(),
				cpuModel(), memTotal(), load());
		System.out.printf("JVM: %s %s (%s)%n", System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
				System.getProperty("java.home"));
	}

	static String load() {
		try {
			var parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.findFirst()
				.map(l -> l.substring(l.indexOf(':') + 1).trim())
				.orElse("?");
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static String memTotal() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(l -> l.startsWith("MemTotal"))
				.findFirst()
				.map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
				.orElse("?");
		}
		catch (IOException e) {
			return "?";
		}
	}

}
