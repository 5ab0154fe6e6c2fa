package io.grassroots.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A real application node in a JVM of its own, as production runs it: the {@code prod} profile, the database from
 * {@code DATABASE_URL}, a random port, every scheduled job on. Its classpath is the test JVM's without the test
 * classes (so the test configuration does not reach it); its standard output and error go to
 * {@code target/server-logs/<name>.log}. Every process started here is killed when the test JVM ends, if the test
 * did not do it first ({@link #close()} in a finally block or {@code @AfterAll}).
 */
public final class ServerProcess implements AutoCloseable {

	/** Where the logs of the nodes go. */
	public static final Path LOGS = Path.of("target", "server-logs");

	/** The personal-data key of the nodes of a test (the development key). */
	static final String KEY = "ZGV2LWtleS1ub3QtZm9yLXByb2R1Y3Rpb24tdXNlISE=";

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
	}

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final Path log;

	private int port;

	private ServerProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a node on the database and waits until it is ready (its readiness probe answers: migrations, seeds and
	 * demo data done).
	 * @param properties application properties given as command-line arguments ({@code --name=value})
	 */
	public static ServerProcess start(String name, String databaseUrl, Map<String, String> properties,
			Duration timeout) {
		var arguments = new LinkedHashMap<String, String>();
		arguments.put("server.port", "0");
		arguments.put("logging.structured.format.console", "");
		// the default 100 rounds of the page rehearsal, not production's 400 (decision 0043): these nodes test
		// clustering, crashes and restores, not a warm JIT, and each start waits for the rehearsal
		arguments.put("grassroots.pages.rehearsals", "100");
		arguments.put("grassroots.pages.rehearsal-reads", "100");
		arguments.putAll(properties);
		var node = launch(name, databaseUrl, arguments.entrySet().stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue()).toList());
		try {
			node.awaitReady(timeout);
		}
		catch (RuntimeException | Error e) {
			node.close();
			throw e;
		}
		return node;
	}

	/**
	 * Runs a command of the application ({@code --verify-audit}) against the database and waits for its exit code.
	 */
	public static Result command(String name, String databaseUrl, Duration timeout, String... arguments) {
		var node = launch(name, databaseUrl, Arrays.asList(arguments));
		try {
			if (!node.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("Command " + Arrays.toString(arguments) + " did not end within "
						+ timeout + "; see " + node.log.toAbsolutePath());
			}
			return new Result(node.process.exitValue(), Files.readString(node.log, StandardCharsets.UTF_8));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			node.close();
		}
	}

	private static ServerProcess launch(String name, String databaseUrl, List<String> arguments) {
		try {
			Files.createDirectories(LOGS);
			var log = LOGS.resolve(name + ".log");
			var command = new ArrayList<String>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(List.of("-Xmx384m", "-XX:+UseSerialGC",
					"-Dfile.encoding=UTF-8", "-cp", classpath(), "io.grassroots.GrassrootsApplication",
					"--spring.profiles.active=prod"));
			command.addAll(arguments);
			var builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			Files.writeString(log, "=== " + name + ": " + String.join(" ", arguments) + System.lineSeparator(),
					StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			var environment = builder.environment();
			environment.put("DATABASE_URL", databaseUrl);
			environment.put("DATABASE_USERNAME", PostgresServer.user());
			environment.put("DATABASE_PASSWORD", PostgresServer.password());
			environment.put("GRASSROOTS_PERSONAL_DATA_KEY", KEY);
			environment.remove("SPRING_PROFILES_ACTIVE");
			var process = builder.start();
			RUNNING.add(process);
			return new ServerProcess(name, process, log);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The test JVM's classpath (surefire hands it over in a property) without test classes. */
	static String classpath() {
		var full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(full.split(File.pathSeparator))
			.filter(entry -> !entry.isBlank() && !Path.of(entry).endsWith("test-classes"))
			.reduce((a, b) -> a + File.pathSeparator + b)
			.orElseThrow();
	}

	private void awaitReady(Duration timeout) {
		var deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " stopped with exit code " + process.exitValue()
						+ " before it was ready:\n" + tail());
			}
			if (port == 0) {
				var matcher = STARTED.matcher(read());
				while (matcher.find()) {
					port = Integer.parseInt(matcher.group(1));
				}
			}
			if (port != 0 && answers("/actuator/health/readiness")) {
				return;
			}
			sleep(250);
		}
		throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail());
	}

	private boolean answers(String path) {
		try {
			var response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
				.timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public String name() {
		return name;
	}

	public int port() {
		return port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public boolean alive() {
		return process.isAlive();
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	/** SIGKILL: the node dies at once, holding whatever it held (locks, claims, open transactions). */
	public void kill() {
		process.destroyForcibly();
		awaitExit(Duration.ofSeconds(30));
	}

	/** SIGTERM: a graceful shutdown. */
	public void stop() {
		process.destroy();
		if (!awaitExit(Duration.ofSeconds(60))) {
			kill();
		}
	}

	private boolean awaitExit(Duration timeout) {
		try {
			var ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (ended) {
				RUNNING.remove(process);
			}
			return ended;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The end of the log, for failure messages. */
	public String tail() {
		var text = read();
		return text.length() > 6000 ? "…" + text.substring(text.length() - 6000) : text;
	}

	private String read() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return "";
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			kill();
		}
		RUNNING.remove(process);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A command's exit code and output. */
	public record Result(int exitCode, String output) {
	}

}
