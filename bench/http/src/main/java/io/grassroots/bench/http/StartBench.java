package io.grassroots.bench.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/run start: from {@code java -jar} to /actuator/health UP on the embedded H2 database with the demo data (the
 * default profile, a fresh ./data in a temporary folder): the first start (empty data folder, loads the demo data)
 * and the second (data present), three times each; then the idle RSS and heap of the embedded mode.
 */
final class StartBench {

	private final Options options;

	StartBench(Options options) {
		this.options = options;
	}

	record Start(double first, double second, String firstLine, String secondLine, double rssFirst, double rssSecond,
			double heapUsed, double heapCommitted, double cpuFirst, double cpuSecond) {
	}

	void run() throws Exception {
		var rounds = (int) options.number("rounds", 3);
		var idle = options.number("idle-seconds", 10);
		var jvm = new ArrayList<>(options.list("jvm"));
		var jar = Path.of(options.get("jar", HttpBench.productJar()));
		Machine.print("start");
		if (Boolean.parseBoolean(options.get("cds", "false"))) {
			jar = classDataSharing(jar, jvm);
		}
		System.out.printf("jar %s, JVM options %s, %d round(s); RSS and heap read %.0f s after ready%n", jar, jvm, rounds,
				idle);
		var starts = new ArrayList<Start>();
		for (var round = 1; round <= rounds; round++) {
			var dir = Files.createTempDirectory("grassroots-start-");
			try {
				double first;
				double cpuFirst;
				double cpuSecond;
				String firstLine;
				double rssFirst;
				try (var server = Server.start(jar, dir, jvm, Map.of(), dir.resolve("first.log"))) {
					first = server.awaitReady(300);
					cpuFirst = Cpu.ms(server.process.pid()) / 1000;
					firstLine = server.startedLine();
					Thread.sleep((long) (idle * 1000));
					rssFirst = server.rssMib();
				}
				double second;
				String secondLine;
				double rssSecond;
				double[] heap;
				try (var server = Server.start(jar, dir, jvm, Map.of(), dir.resolve("second.log"))) {
					second = server.awaitReady(300);
					cpuSecond = Cpu.ms(server.process.pid()) / 1000;
					secondLine = server.startedLine();
					Thread.sleep((long) (idle * 1000));
					rssSecond = server.rssMib();
					heap = server.heapMib();
				}
				var s = new Start(first, second, firstLine, secondLine, rssFirst, rssSecond, heap[0], heap[1], cpuFirst,
						cpuSecond);
				starts.add(s);
				System.out.printf("round %d: first start %.2f s (CPU %.1f s; %s), second start %.2f s (CPU %.1f s; %s); "
						+ "idle RSS %.0f / %.0f MiB; heap used %.0f of %.0f MiB committed | load %s%n", round, first,
						cpuFirst, firstLine, second, cpuSecond, secondLine, rssFirst, rssSecond, heap[0], heap[1],
						Machine.load());
			}
			finally {
				Server.deleteTree(dir.toFile());
			}
		}
		var firstMedian = IntakeBench.median(starts.stream().mapToDouble(Start::first).toArray());
		var secondMedian = IntakeBench.median(starts.stream().mapToDouble(Start::second).toArray());
		var rssFirst = IntakeBench.median(starts.stream().mapToDouble(Start::rssFirst).toArray());
		var rssSecond = IntakeBench.median(starts.stream().mapToDouble(Start::rssSecond).toArray());
		System.out.printf("%n=== start: medians of %d (load now %s) ===%n", starts.size(), Machine.load());
		System.out.println("| figure | " + String.join(" | ", rounds(starts.size())) + " | median | target |");
		System.out.println("|---|" + "---:|".repeat(starts.size() + 1) + "---|");
		row("first start (empty ./data, loads demo data), s", starts.stream().map(Start::first).toList(), firstMedian,
				"≤ 10 s");
		row("second start (data present), s", starts.stream().map(Start::second).toList(), secondMedian, "≤ 10 s");
		row("first start: CPU time of the process until ready, s", starts.stream().map(Start::cpuFirst).toList(),
				IntakeBench.median(starts.stream().mapToDouble(Start::cpuFirst).toArray()), "");
		row("second start: CPU time of the process until ready, s", starts.stream().map(Start::cpuSecond).toList(),
				IntakeBench.median(starts.stream().mapToDouble(Start::cpuSecond).toArray()), "");
		row("idle RSS after first start, MiB", starts.stream().map(Start::rssFirst).toList(), rssFirst, "≤ 400 MB");
		row("idle RSS after second start, MiB", starts.stream().map(Start::rssSecond).toList(), rssSecond, "≤ 400 MB");
		row("heap used after second start, MiB", starts.stream().map(Start::heapUsed).toList(),
				IntakeBench.median(starts.stream().mapToDouble(Start::heapUsed).toArray()), "");
		row("heap committed after second start, MiB", starts.stream().map(Start::heapCommitted).toList(),
				IntakeBench.median(starts.stream().mapToDouble(Start::heapCommitted).toArray()), "");
		System.out.printf("TARGET start ≤ 10 s: first %.2f s — %s; second %.2f s — %s%n", firstMedian,
				firstMedian <= 10 ? "met" : "MISSED", secondMedian, secondMedian <= 10 ? "met" : "MISSED");
		var rss = Math.max(rssFirst, rssSecond);
		System.out.printf("TARGET embedded idle RSS ≤ 400 MB: %.0f MiB (the larger median) — %s%n", rss,
				rss <= 400 ? "met" : "MISSED");
	}

	/**
	 * --cds: the jar extracted (java -Djarmode=tools -jar … extract), one training start that stops after the
	 * context refreshed (-Dspring.context.exit=onRefresh) and writes a class data archive, and every measured start
	 * with -XX:SharedArchiveFile — Spring Boot's documented CDS recipe. Returns the extracted jar.
	 */
	private static Path classDataSharing(Path jar, List<String> jvm) throws Exception {
		var work = Files.createDirectories(Path.of("bench/start/target/cds")).toAbsolutePath();
		Server.deleteTree(work.resolve("app").toFile());
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		run(new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
				work.resolve("app").toString()).directory(work.toFile()));
		var extracted = work.resolve("app").resolve(jar.getFileName());
		var archive = work.resolve("app.jsa");
		Files.deleteIfExists(archive);
		var training = Files.createTempDirectory("grassroots-cds-");
		try {
			var command = new ArrayList<String>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive,
					"-Dspring.context.exit=onRefresh", "-Dserver.port=0"));
			command.addAll(jvm);
			command.addAll(List.of("-jar", extracted.toString()));
			var started = System.nanoTime();
			run(new ProcessBuilder(command).directory(training.toFile()));
			System.out.printf("CDS: extracted to %s, archive %s (%.0f MiB) written by a training start in %.1f s%n",
					extracted, archive, Files.size(archive) / 1048576.0, (System.nanoTime() - started) / 1e9);
		}
		finally {
			Server.deleteTree(training.toFile());
		}
		jvm.add("-XX:SharedArchiveFile=" + archive);
		return extracted;
	}

	private static void run(ProcessBuilder builder) throws Exception {
		var process = builder.redirectErrorStream(true).start();
		var out = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("failed: " + builder.command() + "\n" + out);
		}
	}

	private static List<String> rounds(int n) {
		var names = new ArrayList<String>();
		for (var i = 1; i <= n; i++) {
			names.add("run " + i);
		}
		return names;
	}

	private static void row(String name, List<Double> values, double median, String target) {
		var sb = new StringBuilder("| ").append(name).append(" | ");
		for (var v : values) {
			sb.append(String.format("%.2f | ", v));
		}
		sb.append(String.format("**%.2f** | %s |", median, target));
		System.out.println(sb);
	}

}
