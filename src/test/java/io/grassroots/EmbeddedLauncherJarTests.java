package io.grassroots;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The built jar, started as the README starts it ({@code java -jar}, embedded database in a fresh folder, a free
 * port; demo data and region seed off to keep the test short): the launcher runs the server in a second JVM with C1
 * only, and the two end together whichever is stopped (decision 0018); the server JVM writes a class-data archive
 * when it stops, and the next start maps it (decision 0019); the build's training run left one beside the built jar
 * for its very first run (decision 0023). Run by failsafe after {@code package} (tag
 * {@code jar}), since it needs the runnable jar of this build: {@code ./mvnw -B verify}, or
 * {@code ./mvnw -B -DskipTests package} then
 * {@code ./mvnw -B failsafe:integration-test failsafe:verify -Dit.test=EmbeddedLauncherJarTests}.
 */
@Tag("jar")
class EmbeddedLauncherJarTests {

	private static final Duration READY = Duration.ofMinutes(10);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@TempDir
	Path folder;

	private final List<ProcessHandle> started = new ArrayList<>();

	@AfterEach
	void endEveryProcessOfTheTest() {
		for (var process : started) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
	}

	@Test
	void sigtermToTheLauncherStopsTheServerJvmAndBothEnd() throws Exception {
		var run = start();
		var server = run.awaitServerJvm();
		assertThat(server.info().arguments().orElseThrow()).contains("-XX:TieredStopAtLevel=1", "-Xmx384m",
				"-XX:+UseSerialGC", "-Dgrassroots.launcher.parent=" + run.launcher.pid());
		run.awaitHealthy();

		run.launcher.destroy(); // SIGTERM

		assertThat(run.launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
		assertThat(server.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
		assertThat(run.log()).contains("Grassroots: the embedded demo runs in a server JVM with -XX:TieredStopAtLevel=1");
		assertThat(portIsFree(run.port)).isTrue();
	}

	@Test
	void aServerJvmThatEndsEndsTheLauncherWithItsExitCode() throws Exception {
		var run = start();
		var server = run.awaitServerJvm();
		run.awaitHealthy();

		server.destroy(); // SIGTERM to the server JVM alone: it shuts down and exits with 143

		assertThat(run.launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
		assertThat(run.launcher.exitValue()).isEqualTo(143);
	}

	@Test
	void aServerJvmWhoseLauncherIsKilledStopsItselfWithinSeconds() throws Exception {
		var run = start();
		var server = run.awaitServerJvm();
		run.awaitHealthy();

		run.launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs in the launcher
		run.launcher.waitFor();
		var killed = System.nanoTime();

		server.onExit().get(30, TimeUnit.SECONDS);
		var seconds = (System.nanoTime() - killed) / 1e9;
		assertThat(server.isAlive()).isFalse();
		assertThat(run.log()).contains("the launcher (pid " + run.launcher.pid() + ") has ended; stopping the server");
		assertThat(portIsFree(run.port)).isTrue();
		// the H2 file is no longer locked: another process may open it
		try (var connection = DriverManager.getConnection(
				"jdbc:h2:file:" + folder.resolve("data/grassroots") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
			assertThat(connection.isValid(5)).isTrue();
		}
		System.out.printf("the server JVM ended %.1f s after its launcher was killed%n", seconds);
	}

	@Test
	void theServerJvmWritesAClassDataArchiveWhenItStopsAndTheNextStartMapsIt() throws Exception {
		var jar = Files.copy(jar(), folder.resolve("grassroots-exec.jar"));
		var archive = folder.resolve("grassroots-exec.jar.cds/app.jsa");
		var first = start(jar, true);
		var training = first.awaitServerJvm();
		assertThat(training.info().arguments().orElseThrow()).contains(
				"-XX:ArchiveClassesAtExit=" + folder.resolve("grassroots-exec.jar.cds/app.jsa." + first.launcher.pid() + ".tmp"),
				folder.resolve("grassroots-exec.jar.cds/app/grassroots-exec.jar").toString());
		first.awaitHealthy();
		assertThat(archive).doesNotExist();

		first.launcher.destroy(); // SIGTERM: the server JVM stops gracefully and writes the archive
		assertThat(first.launcher.waitFor(5, TimeUnit.MINUTES)).as("the launcher ended").isTrue();

		assertThat(archive).isNotEmptyFile();
		assertThat(first.log()).contains("it writes a class-data archive for the next starts when it stops");
		var second = start(jar, true);
		var server = second.awaitServerJvm();
		second.awaitHealthy();
		assertThat(server.info().arguments().orElseThrow()).contains("-XX:SharedArchiveFile=" + archive);
		assertThat(Files.readString(Path.of("/proc", Long.toString(server.pid()), "maps")))
			.as("the server JVM mapped the archive").contains(archive.toString());
		assertThat(second.log()).contains("and the class-data archive of earlier runs").doesNotContain("[cds]");
	}

	@Test
	void theJarsVeryFirstRunMapsTheArchiveOfTheBuildsTrainingRun() throws Exception {
		var archive = ClassDataArchive.folder(jar()).resolve(ClassDataArchive.ARCHIVE);
		assumeTrue(Files.isRegularFile(archive), "built with -Dgrassroots.cds.skip=true: no training run (decision 0023)");
		var run = start(jar(), true);
		var server = run.awaitServerJvm();
		run.awaitHealthy();

		assertThat(server.info().arguments().orElseThrow()).contains("-XX:SharedArchiveFile=" + archive);
		assertThat(Files.readString(Path.of("/proc", Long.toString(server.pid()), "maps")))
			.as("the server JVM mapped the archive").contains(archive.toString());
		assertThat(run.log()).contains("and the class-data archive of earlier runs")
			.doesNotContain("it writes a class-data archive");
		run.launcher.destroy();
		assertThat(run.launcher.waitFor(90, TimeUnit.SECONDS)).as("the launcher ended").isTrue();
		assertThat(archive).isNotEmptyFile();
	}

	private Run start() throws IOException {
		return start(jar(), false);
	}

	/** The jar as the README starts it; with the class-data archive or without ({@code GRASSROOTS_LAUNCHER_CDS=off}). */
	private Run start(Path jar, boolean classDataArchive) throws IOException {
		var port = freePort();
		var log = folder.resolve("server.log");
		var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		var builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString(),
				"--server.port=" + port, "--grassroots.demo.enabled=false", "--grassroots.region.seed=")
			.directory(folder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		var environment = builder.environment();
		for (var variable : List.of("SPRING_PROFILES_ACTIVE", "SPRING_DATASOURCE_URL", "SPRING_APPLICATION_JSON",
				"GRASSROOTS_LAUNCHER", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
			environment.remove(variable);
		}
		if (!classDataArchive) {
			environment.put("GRASSROOTS_LAUNCHER_CDS", "off");
		}
		var launcher = builder.start();
		started.add(launcher.toHandle());
		return new Run(launcher, port, log);
	}

	/** The runnable jar of this build (failsafe runs after package). */
	private static Path jar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("grassroots-.*-exec\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"no target/grassroots-*-exec.jar: run this test through failsafe after package"))
				.toAbsolutePath();
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static boolean portIsFree(int port) {
		try (var socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private record Run(Process launcher, int port, Path logFile) {

		ProcessHandle awaitServerJvm() throws InterruptedException {
			var deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
			while (System.nanoTime() < deadline) {
				// the server JVM, not the JVM that extracts the jar for the class-data archive before it
				var children = launcher.children()
					.filter(child -> child.info().arguments().map(List::of).orElse(List.of()).stream()
						.anyMatch(argument -> argument.startsWith("-D" + EmbeddedLauncher.PARENT + "=")))
					.toList();
				if (!children.isEmpty()) {
					assertThat(children).hasSize(1);
					return children.get(0);
				}
				assertThat(launcher.isAlive()).as("the launcher is running; its log:\n%s", log()).isTrue();
				Thread.sleep(50);
			}
			return fail("the launcher started no server JVM within a minute; its log:\n" + log());
		}

		void awaitHealthy() throws InterruptedException {
			var deadline = System.nanoTime() + READY.toNanos();
			while (System.nanoTime() < deadline) {
				assertThat(launcher.isAlive()).as("the launcher is running; its log:\n%s", log()).isTrue();
				try {
					var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
							+ "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
							HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
						return;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(250);
			}
			fail("not healthy within " + READY + "; its log:\n" + log());
		}

		String log() {
			try {
				return Files.readString(logFile, StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				return "(no log: " + e + ")";
			}
		}

	}

}
