package io.grassroots.bench.city;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The product's runnable jar as a production server (prod profile) on a free loopback port. */
final class Server implements AutoCloseable {

	final int port;

	private final Process process;

	Server(Path jar, String jdbcUrl, String user, Path log, List<String> extra) throws Exception {
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
				"--grassroots.supervision.sweep-enabled=false",
				"--management.metrics.distribution.percentiles-histogram.http.server.requests=true",
				// a bucket at the target itself, so that the p95 read from the buckets says on which side of 10 ms it is
				// (the histogram's own buckets around it are 8.39, 9.79 and 11.18 ms)
				"--management.metrics.distribution.slo.http.server.requests=10ms"));
		command.addAll(extra);
		// Extra JVM options for the server, e.g. a flight recording: GRASSROOTS_BENCH_SERVER_JVM="-XX:StartFlightRecording=…"
		var jvm = System.getenv("GRASSROOTS_BENCH_SERVER_JVM");
		if (jvm != null && !jvm.isBlank()) {
			command.addAll(1, List.of(jvm.trim().split("\\s+")));
		}
		var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SPRING_PROFILES_ACTIVE", "prod");
		builder.environment().put("DATABASE_URL", jdbcUrl);
		builder.environment().put("DATABASE_USERNAME", user);
		builder.environment().put("DATABASE_PASSWORD", "");
		builder.environment().put("GRASSROOTS_PERSONAL_DATA_KEY", Setup.PERSONAL_DATA_KEY);
		process = builder.start();
		var client = HttpClient.newHttpClient();
		var started = System.nanoTime();
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server stopped; see " + log);
			}
			try {
				var response = client.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					break;
				}
			}
			catch (IOException e) {
				// not yet listening
			}
			if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
				throw new IllegalStateException("the server did not start in 30 minutes; see " + log);
			}
			Thread.sleep(500);
		}
		System.out.printf("   server up on port %d after %.0f s (log: %s)%n", port, (System.nanoTime() - started) / 1e9, log);
	}

	String base() {
		return "http://127.0.0.1:" + port;
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
	}

	/** The server JVM's CPU time so far (every thread: requests, GC, JIT). */
	java.time.Duration cpu() {
		return process.info().totalCpuDuration().orElse(java.time.Duration.ZERO);
	}

	/**
	 * The CPU time of the server's request threads ({@code http-nio-…}) so far: what the requests cost, without the
	 * JIT compiler, GC and background threads that the whole JVM's time also holds ({@link #cpuByGroup}).
	 */
	java.time.Duration requestCpu() {
		return java.time.Duration.ofNanos((long) (cpuByGroup().getOrDefault("request threads", 0.0) * 1e6));
	}

	/** The CPU time of every thread the server has had, by thread id, in ms; kept for threads that ended. */
	private final java.util.Map<String, Double> threadCpu = new java.util.HashMap<>();

	/** The group of every thread the server has had, by thread id. */
	private final java.util.Map<String, String> threadGroup = new java.util.HashMap<>();

	/**
	 * The server's CPU so far by thread group, in ms (Linux): the request threads ({@code http-nio-…}), the compilers
	 * (C2, C1), the collector (GC, G1 and VM threads) and the rest under their own names with digits dropped — so a
	 * page's whole-JVM CPU per request can be told apart: the requests' own work, the JIT still compiling, or
	 * something in the background.
	 * <p>
	 * Read from {@code /proc/<pid>/task/<tid>/schedstat}, the scheduler's run time in nanoseconds. Until 2026-12-06
	 * (pages4) it read {@code stat}'s user + system time, which Linux reports in whole clock ticks (10 ms) per thread:
	 * a settle window of 100 requests at ≈ 1 ms each holds ≈ 100 ms of request-thread CPU, so the rule's 10 % was one
	 * tick, and each thread's reading was cut down to its tick (decision 0026, amended). A thread that ended keeps its
	 * last reading (HotSpot starts and stops compiler threads as their queues grow and shrink; a group's total
	 * dropped when one ended, and its window showed less compiler time than it had).
	 */
	synchronized java.util.Map<String, Double> cpuByGroup() {
		try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc", String.valueOf(process.pid()), "task"))) {
			for (var task : tasks.toList()) {
				try {
					var tid = task.getFileName().toString();
					if (!threadGroup.containsKey(tid)) {
						threadGroup.put(tid, group(java.nio.file.Files.readString(task.resolve("comm")).strip()));
					}
					var schedstat = java.nio.file.Files.readString(task.resolve("schedstat"));
					threadCpu.put(tid, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))) / 1e6);
				}
				catch (java.io.IOException | RuntimeException e) {
					// the thread ended meanwhile: its last reading stays
				}
			}
		}
		catch (java.io.IOException e) {
			// no /proc
		}
		var groups = new java.util.TreeMap<String, Double>();
		threadCpu.forEach((tid, ms) -> groups.merge(threadGroup.get(tid), ms, Double::sum));
		return groups;
	}

	private static String group(String thread) {
		if (thread.startsWith("http-nio")) {
			return "request threads"; // as requestCpu(): comm holds 15 characters, the poller and acceptor look alike
		}
		if (thread.startsWith("C2 Compiler")) {
			return "C2";
		}
		if (thread.startsWith("C1 Compiler")) {
			return "C1";
		}
		if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.equals("VM Thread")) {
			return "GC and VM";
		}
		return thread.replaceAll("[0-9]+", "#");
	}

	/** The server's process id, for a profiler (jcmd <pid> JFR.start). */
	long pid() {
		return process.pid();
	}

}
