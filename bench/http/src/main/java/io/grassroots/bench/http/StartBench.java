package io.grassroots.bench.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * bench/run start: from {@code java -jar} to /actuator/health UP on the embedded H2 database with the demo data (the
 * default profile, a fresh ./data in a temporary folder): the first start (empty data folder, loads the demo data)
 * and the second (data present), three times each; then the idle RSS and heap of the embedded mode. CPU and RSS are
 * summed over every process of a start: the product's launcher starts the server in a second JVM (decision 0018).
 */
final class StartBench {

	private final Options options;

	StartBench(Options options) {
		this.options = options;
	}

	/**
	 * One start of one application: wall clock and CPU until ready, Spring Boot's line, idle RSS, heap — CPU and RSS
	 * summed over the JVMs of the start (the product's {@code java -jar} on the embedded database runs the server in
	 * a second JVM, decision 0018); of those, the launcher's part: when it started the server JVM, its CPU until
	 * ready and its idle RSS (0 with one JVM).
	 */
	record Measured(double wall, double cpu, String line, double rss, double heapUsed, double heapCommitted, int jvms,
			double serverAfter, double launcherCpu, double launcherRss, StartSplit split, double rehearsed) {

		String launcher() {
			return jvms < 2 ? "one JVM"
					: String.format("%d JVMs: server JVM started %.2f s after the launcher, launcher CPU %.2f s, RSS %.0f MiB",
							jvms, serverAfter, launcherCpu, launcherRss);
		}

	}

	record Start(Measured first, Measured second, Measured baseFirst, Measured baseSecond) {
	}

	void run() throws Exception {
		var rounds = (int) options.number("rounds", 3);
		var idle = options.number("idle-seconds", 10);
		var jvm = new ArrayList<>(options.list("jvm"));
		var jar = Path.of(options.get("jar", HttpBench.productJar()));
		var baselineJar = Path.of(options.get("baseline-jar", baselineJar()));
		Machine.print("start");
		Path freshFolder = null;
		if (Boolean.parseBoolean(options.get("fresh-jar", "false"))) {
			freshFolder = Files.createTempDirectory("grassroots-start-jar-");
			jar = Files.copy(jar, freshFolder.resolve(jar.getFileName()));
		}
		if (Boolean.parseBoolean(options.get("cds", "false"))) {
			jar = classDataSharing(jar, jvm);
		}
		var archived = hasItsArchive(jar);
		System.out.printf("the jar's very first run is round 1's first start: %s%n", archived
				? "its class-data archive is already there (" + archiveFolder(jar)
						+ ", the build's training run, decision 0023, or an earlier run)"
				: "no class-data archive yet (it extracts the jar and writes the archive as it stops, decision 0019)");
		System.out.printf("jar %s, baseline %s, JVM options %s, %d round(s); RSS and heap read %.0f s after ready%n", jar,
				baselineJar, jvm, rounds, idle);
		var starts = new ArrayList<Start>();
		for (var round = 1; round <= rounds; round++) {
			var dir = Files.createTempDirectory("grassroots-start-");
			var baseDir = Files.createTempDirectory("grassroots-start-baseline-");
			try {
				// Alternately, so that ours and the baseline see the same load: ours, baseline, ours, baseline.
				var first = measure(jar, dir, jvm, idle, "first", true);
				var baseFirst = measure(baselineJar, baseDir, List.of(), idle, "first", false);
				var second = measure(jar, dir, jvm, idle, "second", true);
				var baseSecond = measure(baselineJar, baseDir, List.of(), idle, "second", false);
				var s = new Start(first, second, baseFirst, baseSecond);
				starts.add(s);
				System.out.printf("round %d: first start %.2f s (CPU %.1f s; %s; %s), second start %.2f s (CPU %.1f s; "
						+ "%s; %s); idle RSS %.0f / %.0f MiB; heap used %.0f of %.0f MiB committed | baseline: first "
						+ "%.2f s (CPU %.1f s), second %.2f s (CPU %.1f s) | load %s%n", round, first.wall(), first.cpu(),
						first.line(), first.launcher(), second.wall(), second.cpu(), second.line(), second.launcher(),
						first.rss(), second.rss(), second.heapUsed(), second.heapCommitted(), baseFirst.wall(),
						baseFirst.cpu(), baseSecond.wall(), baseSecond.cpu(), Machine.load());
				System.out.printf("round %d: pages rehearsed %.2f s after the first start's java -jar, %.2f s after the "
						+ "second's (decision 0036: after ready in the embedded demo; the idle RSS is read %.0f s after that)%n",
						round, first.rehearsed(), second.rehearsed(), idle);
				System.out.printf("round %d split until ready: first start: %s | baseline first: %s | second start: %s | "
						+ "baseline second: %s%n", round, first.split(), baseFirst.split(), second.split(),
						baseSecond.split());
			}
			finally {
				Server.deleteTree(dir.toFile());
				Server.deleteTree(baseDir.toFile());
			}
		}
		if (freshFolder != null) {
			Server.deleteTree(freshFolder.toFile());
		}
		var firstMedian = median(starts, s -> s.first().wall());
		var secondMedian = median(starts, s -> s.second().wall());
		var rssFirst = median(starts, s -> s.first().rss());
		var rssSecond = median(starts, s -> s.second().rss());
		System.out.printf("%n=== start: medians of %d (load now %s) ===%n", starts.size(), Machine.load());
		System.out.println("| figure | " + String.join(" | ", rounds(starts.size())) + " | median | target |");
		System.out.println("|---|" + "---:|".repeat(starts.size() + 1) + "---|");
		row(starts, "first start (empty ./data, loads demo data), s", s -> s.first().wall(), "≤ 10 s");
		row(starts, "second start (data present), s", s -> s.second().wall(), "≤ 10 s");
		row(starts, "first start: CPU time of the process(es) until ready, s", s -> s.first().cpu(), "");
		row(starts, "second start: CPU time of the process(es) until ready, s", s -> s.second().cpu(), "");
		row(starts, "JVMs of a start (2: the launcher and the server JVM, decision 0018)", s -> s.first().jvms(), "");
		row(starts, "first start: server JVM started after the launcher, s", s -> s.first().serverAfter(), "");
		row(starts, "second start: server JVM started after the launcher, s", s -> s.second().serverAfter(), "");
		row(starts, "first start: the launcher's CPU until ready, s", s -> s.first().launcherCpu(), "");
		row(starts, "idle RSS after first start, MiB (all JVMs)", s -> s.first().rss(), "≤ 400 MB");
		row(starts, "idle RSS after second start, MiB (all JVMs)", s -> s.second().rss(), "≤ 400 MB");
		row(starts, "of which the launcher's, after the second start, MiB", s -> s.second().launcherRss(), "");
		row(starts, "heap used after second start, MiB", s -> s.second().heapUsed(), "");
		row(starts, "heap committed after second start, MiB", s -> s.second().heapCommitted(), "");
		row(starts, "baseline first start (empty ./data), s", s -> s.baseFirst().wall(), "");
		row(starts, "baseline second start, s", s -> s.baseSecond().wall(), "");
		row(starts, "baseline first start: CPU until ready, s", s -> s.baseFirst().cpu(), "");
		row(starts, "baseline second start: CPU until ready, s", s -> s.baseSecond().cpu(), "");
		row(starts, "ours / baseline, first start, wall", s -> s.first().wall() / s.baseFirst().wall(), "");
		row(starts, "ours / baseline, first start, CPU", s -> s.first().cpu() / s.baseFirst().cpu(), "");
		row(starts, "ours / baseline, second start, wall", s -> s.second().wall() / s.baseSecond().wall(), "");
		row(starts, "ours / baseline, second start, CPU", s -> s.second().cpu() / s.baseSecond().cpu(), "");
		System.out.printf("TARGET start ≤ 10 s: first %.2f s — %s; second %.2f s — %s%n", firstMedian,
				firstMedian <= 10 ? "met" : "MISSED", secondMedian, secondMedian <= 10 ? "met" : "MISSED");
		var veryFirst = starts.get(0).first().wall();
		System.out.printf("TARGET start ≤ 10 s, the jar's very first run (round 1's first start, %s): %.2f s — %s%n",
				archived ? "archive of the build" : "no archive yet", veryFirst, veryFirst <= 10 ? "met" : "MISSED");
		var rss = Math.max(rssFirst, rssSecond);
		System.out.printf("TARGET embedded idle RSS ≤ 400 MB: %.0f MiB (the larger median) — %s%n", rss,
				rss <= 400 ? "met" : "MISSED");
	}

	/**
	 * Starts the jar in the folder, waits until ready, reads CPU and Spring Boot's line; then, for ours, waits until
	 * its pages are rehearsed (decision 0036: after ready in the embedded demo, so the idle reading is of a node at
	 * rest, not one still rehearsing), and after {@code idle} seconds reads the idle RSS and heap; stops it.
	 */
	private static Measured measure(Path jar, Path dir, List<String> jvm, double idle, String name,
			boolean rehearses) throws Exception {
		var host = StartSplit.Host.now();
		try (var server = Server.start(jar, dir, jvm, Map.of(), dir.resolve(name + ".log"))) {
			var wall = server.awaitReady(600);
			var cpu = server.cpuSeconds();
			var split = StartSplit.of(server.tree(), host);
			var jvms = server.tree().size();
			var launcherCpu = jvms < 2 ? 0 : Cpu.ms(server.process.pid()) / 1000;
			var serverAfter = server.serverJvmStartedAfter();
			var line = server.startedLine();
			// "Pages rehearsed" (before ready) or "Pages rehearsal started after ready" within a few seconds, else none
			// runs (grassroots.pages.rehearsals=0): no wait
			var rehearsed = rehearses && server.awaitLogLine("Pages rehears", 5) >= 0
					? server.awaitLogLine("Pages rehearsed", 600) : -1;
			Thread.sleep((long) (idle * 1000));
			var rss = server.rssMib();
			var launcherRss = jvms < 2 ? 0 : Server.rssMib(server.process.pid());
			var heap = server.heapMib();
			return new Measured(wall, cpu, line, rss, heap[0], heap[1], jvms, serverAfter, launcherCpu, launcherRss,
					split, rehearsed);
		}
	}

	/**
	 * Whether the launcher will find the jar's class-data archive (decisions 0019, 0023): {@code <jar>.cds/app.jsa}
	 * beside it and a key naming this jar (path, size, time) on this JVM — the product's own rule.
	 */
	private static boolean hasItsArchive(Path jar) throws Exception {
		var folder = archiveFolder(jar);
		var key = folder.resolve("key");
		if (!Files.isRegularFile(folder.resolve("app.jsa")) || !Files.isRegularFile(key)) {
			return false;
		}
		var absolute = jar.toAbsolutePath().normalize();
		return Files.readString(key).equals("jar=" + absolute + "\nsize=" + Files.size(absolute) + "\nmodified="
				+ Files.getLastModifiedTime(absolute).toMillis() + "\njava.home=" + System.getProperty("java.home")
				+ "\njava.vm.version=" + System.getProperty("java.vm.version") + "\n");
	}

	private static Path archiveFolder(Path jar) {
		var absolute = jar.toAbsolutePath().normalize();
		return absolute.resolveSibling(absolute.getFileName() + ".cds");
	}

	/** The baseline application's runnable jar, built in the same reactor (bench/start/baseline). */
	private static String baselineJar() {
		var jar = Path.of("bench/start/baseline/target/start-baseline.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("expected " + jar + "; build it first (bench/run start does)");
		}
		return jar.toAbsolutePath().toString();
	}

	private static double median(List<Start> starts, ToDoubleFunction<Start> figure) {
		return IntakeBench.median(starts.stream().mapToDouble(figure).toArray());
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

	private static void row(List<Start> starts, String name, ToDoubleFunction<Start> figure, String target) {
		var sb = new StringBuilder("| ").append(name).append(" | ");
		for (var s : starts) {
			sb.append(String.format("%.2f | ", figure.applyAsDouble(s)));
		}
		sb.append(String.format("**%.2f** | %s |", median(starts, figure), target));
		System.out.println(sb);
	}

}
