package io.grassroots.bench.http;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** The product's runnable jar as a child process: started, watched until ready, measured, stopped. */
final class Server implements AutoCloseable {

	private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

	final Process process;

	final int port;

	final Path log;

	final long startedNanos;

	private Server(Process process, int port, Path log, long startedNanos) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.startedNanos = startedNanos;
	}

	/** Starts {@code java [jvmOptions] -jar jar} in the directory with the environment added to this one's. */
	static Server start(Path jar, Path directory, List<String> jvmOptions, Map<String, String> environment, Path log)
			throws IOException {
		var port = freePort();
		var command = new ArrayList<String>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		var builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		var started = System.nanoTime();
		var process = builder.start();
		return new Server(process, port, log, started);
	}

	/** Polls /actuator/health until it answers UP; returns the seconds since the process was started. */
	double awaitReady(double timeoutSeconds) throws IOException, InterruptedException {
		var deadline = startedNanos + (long) (timeoutSeconds * 1e9);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the server stopped while starting (exit " + process.exitValue()
						+ "); its log: " + log);
			}
			try (var http = new MiniHttp("127.0.0.1", port)) {
				var response = http.get("/actuator/health", null);
				if (response.status() == 200 && response.body().contains("\"UP\"")) {
					return (System.nanoTime() - startedNanos) / 1e9;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(25);
		}
		throw new IllegalStateException("the server was not ready within " + timeoutSeconds + " s; its log: " + log);
	}

	/**
	 * Waits until the server's log holds a line containing {@code text}, or the timeout passed; returns the seconds
	 * since the process was started when it was seen, or -1 if it was not.
	 */
	double awaitLogLine(String text, double timeoutSeconds) throws IOException, InterruptedException {
		var deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
		while (System.nanoTime() < deadline && process.isAlive()) {
			if (Files.readString(log).contains(text)) {
				return (System.nanoTime() - startedNanos) / 1e9;
			}
			Thread.sleep(100);
		}
		return -1;
	}

	/** What Spring Boot itself logged: "Started …Application in X seconds (process running for Y)". */
	String startedLine() throws IOException {
		for (var line : Files.readAllLines(log)) {
			var at = line.indexOf(" : Started ");
			at = at < 0 || !line.contains("Application in ") ? -1 : at + 3;
			if (at >= 0) {
				var end = line.indexOf(')', at);
				return line.substring(at, end < 0 ? line.length() : end + 1);
			}
		}
		return "(no Started line)";
	}

	/**
	 * The started process and every process it started: the product's {@code java -jar} on the embedded database
	 * starts the server in a second JVM and waits for it (decision 0018), so its CPU and memory are the tree's.
	 */
	List<ProcessHandle> tree() {
		var tree = new ArrayList<ProcessHandle>();
		tree.add(process.toHandle());
		process.descendants().forEach(tree::add);
		return tree;
	}

	/** The JVM that serves: the last one the started process started, or the started process itself. */
	ProcessHandle serverJvm() {
		var tree = tree();
		return tree.get(tree.size() - 1);
	}

	/** CPU time in seconds of the whole tree (the launcher's JVM and the server JVM when there are two). */
	double cpuSeconds() {
		return tree().stream().mapToDouble(p -> Cpu.ms(p.pid())).sum() / 1000;
	}

	/** Seconds from the start of the started process to the start of the server JVM (0 when they are the same). */
	double serverJvmStartedAfter() {
		return (Cpu.startTicks(serverJvm().pid()) - Cpu.startTicks(process.pid())) / 100.0;
	}

	/** Resident set size in MiB summed over the tree (VmRSS of /proc/pid/status). */
	double rssMib() throws IOException {
		var sum = 0.0;
		for (var p : tree()) {
			sum += rssMib(p.pid());
		}
		return sum;
	}

	/** Resident set size of one process in MiB. */
	static double rssMib(long pid) throws IOException {
		for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		return Double.NaN;
	}

	/** Heap used and committed in MiB of the server JVM by {@code jcmd <pid> GC.heap_info}. */
	double[] heapMib() throws IOException, InterruptedException {
		var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		var p = new ProcessBuilder(jcmd, Long.toString(serverJvm().pid()), "GC.heap_info").redirectErrorStream(true)
			.start();
		var out = new String(p.getInputStream().readAllBytes());
		p.waitFor(30, TimeUnit.SECONDS);
		var m = HEAP.matcher(out);
		if (!m.find()) {
			return new double[] { Double.NaN, Double.NaN };
		}
		return new double[] { Long.parseLong(m.group(2)) / 1024.0, Long.parseLong(m.group(1)) / 1024.0 };
	}

	/** SIGTERM to the started process; then waits until every process of the tree has ended. */
	@Override
	public void close() throws InterruptedException {
		var tree = tree();
		process.destroy();
		// the product's launcher waits up to 5 minutes for a server JVM that writes its class-data archive (0019)
		if (!process.waitFor(6, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			process.waitFor();
		}
		for (var p : tree) {
			try {
				p.onExit().get(60, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
				p.destroyForcibly();
			}
		}
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	static void deleteTree(File dir) {
		var files = dir.listFiles();
		if (files != null) {
			for (var f : files) {
				deleteTree(f);
			}
		}
		dir.delete();
	}

}
