package io.grassroots;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import io.grassroots.EmbeddedLauncher.CommandLine;
import io.grassroots.EmbeddedLauncher.Decision;
import io.grassroots.EmbeddedLauncher.Invocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a {@code java -jar} relaunches the application in a server JVM with the embedded mode's options, and what that
 * JVM's command line is (decision 0018). The real jar, its process tree and its signals: EmbeddedLauncherJarTests.
 */
class EmbeddedLauncherTests {

	private static final String JAR = "target/grassroots-0.1.0-SNAPSHOT-exec.jar";

	private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";

	@Test
	void thePlainJavaJarOfTheEmbeddedDemoRelaunchesWithC1OnlyItsOwnOptionsTheJarAndTheArguments() {
		var given = new Given().jvm("-Xmx512m", "-Dfile.encoding=UTF-8").args("--server.port=8081", "--debug");

		var decision = given.decide();

		assertThat(decision).isInstanceOf(Decision.Relaunch.class);
		assertThat(((Decision.Relaunch) decision).command()).containsExactly(JAVA, "-XX:TieredStopAtLevel=1",
				"-Xmx512m", "-Dfile.encoding=UTF-8", "-Dgrassroots.launcher.parent=4242", "-jar", JAR,
				"--server.port=8081", "--debug");
	}

	@Test
	void theServerJvmDoesNotRelaunchAgain() {
		assertStays(new Given().systemProperty("grassroots.launcher.parent", "4242"), "this is the server JVM");
	}

	@Test
	void itIsSwitchedOffByAnEnvironmentVariableASystemPropertyOrAnArgument() {
		assertStays(new Given().env("GRASSROOTS_LAUNCHER", "off"), "grassroots.launcher=off");
		assertStays(new Given().systemProperty("grassroots.launcher", "off"), "grassroots.launcher=off");
		assertStays(new Given().args("--grassroots.launcher=false"), "grassroots.launcher=false");
		assertThat(new Given().env("GRASSROOTS_LAUNCHER", "on").decide()).isInstanceOf(Decision.Relaunch.class);
	}

	@Test
	void onlyAJavaJarOfSpringBootsNestedJarRelaunches() {
		// a main class on a class path: the IDE, spring-boot:run, the cluster tests' nodes
		assertStays(new Given()
			.commandLine(List.of("-cp", "target/classes:lib/a.jar", "io.grassroots.GrassrootsApplication")),
				"not started with java -jar");
		// -jar, but not Spring Boot's loader: surefire's booter jar running a test, an extracted jar
		assertStays(new Given().nestedJarLoader(false), "not started with java -jar");
		assertStays(new Given().commandLine(null), "the JVM's command line cannot be read");
	}

	@Test
	void theCommandsRunInTheJvmTheyWereStartedIn() {
		assertStays(new Given().args("--verify-audit"), "a command, not the server");
		assertStays(new Given().args("--create-administrator=root"), "a command, not the server");
	}

	@Test
	void theProdProfileNeverRelaunchesWhereverItIsNamed() {
		assertStays(new Given().systemProperty("spring.profiles.active", "prod"), "profile prod");
		assertStays(new Given().env("SPRING_PROFILES_ACTIVE", "prod"), "profile prod");
		assertStays(new Given().env("spring_profiles_active", "prod"), "profile prod");
		assertStays(new Given().args("--spring.profiles.active=prod"), "profile prod");
		assertStays(new Given().args("--spring.profiles.include=prod"), "profile prod");
		assertStays(new Given().env("SPRING_PROFILES_DEFAULT", "prod"), "profile prod");
	}

	@Test
	void anyOtherProfileStaysToo() {
		assertStays(new Given().args("--spring.profiles.active=staging"), "profile staging");
		assertThat(new Given().env("SPRING_PROFILES_ACTIVE", " ").decide()).isInstanceOf(Decision.Relaunch.class);
	}

	@Test
	void aDataSourceOtherThanTheEmbeddedH2Stays() {
		var url = "jdbc:postgresql://db:5432/grassroots";
		assertStays(new Given().systemProperty("spring.datasource.url", url), "spring.datasource.url is given");
		assertStays(new Given().env("SPRING_DATASOURCE_URL", url), "spring.datasource.url is given");
		assertStays(new Given().args("--spring.datasource.url=" + url), "spring.datasource.url is given");
	}

	@Test
	void configurationOutsideTheJarStays() {
		assertStays(new Given().args("--spring.config.location=/etc/grassroots/"), "spring.config.location is given");
		assertStays(new Given().env("SPRING_CONFIG_ADDITIONALLOCATION", "/etc/grassroots/"),
				"spring.config.additional-location is given");
		assertStays(new Given().env("SPRING_APPLICATION_JSON", "{\"spring\":{}}"), "spring.application.json is given");
		assertStays(new Given().files(Path.of("config", "application.properties")),
				"configuration file config/application.properties");
		assertStays(new Given().files(Path.of("application.yml")), "configuration file application.yml");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
			"-XX:CompilationMode=high-only" })
	void aJitChosenOnTheCommandLineStands(String option) {
		assertStays(new Given().jvm(option), "the JIT is chosen: " + option);
	}

	@Test
	void aJitChosenInTheJvmsOptionVariablesStands() {
		assertStays(new Given().env("JAVA_TOOL_OPTIONS", "-Xmx1g -XX:TieredStopAtLevel=1"),
				"the JIT is chosen: -XX:TieredStopAtLevel=1");
		assertStays(new Given().env("JDK_JAVA_OPTIONS", "-XX:-TieredCompilation"), "the JIT is chosen");
		assertThat(new Given().env("JAVA_TOOL_OPTIONS", "-Xmx1g").decide()).isInstanceOf(Decision.Relaunch.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-javaagent:agent.jar",
			"-Dcom.sun.management.jmxremote.port=9010", "-XX:StartFlightRecording=filename=start.jfr",
			"-Xlog:gc*:file=gc.log", "-Xlog:class+load:classes.txt", "-XX:ArchiveClassesAtExit=app.jsa", "@options.txt" })
	void anOptionThatWouldActInBothJvmsStays(String option) {
		assertStays(new Given().jvm(option), "the option would act in both JVMs: " + option);
	}

	@Test
	void logsToTheConsoleAndOtherOptionsArePassedOn() {
		var decision = new Given().jvm("-Xlog:gc", "-Xlog:gc:stderr", "-XX:+UseSerialGC").decide();

		assertThat(decision).isInstanceOf(Decision.Relaunch.class);
		assertThat(((Decision.Relaunch) decision).command()).containsSubsequence("-XX:TieredStopAtLevel=1", "-Xlog:gc",
				"-Xlog:gc:stderr", "-XX:+UseSerialGC", "-jar");
	}

	@Test
	void theServerJvmGetsAClassDataArchiveUnlessSwitchedOffOrTheUserChoseClassDataOptions() {
		assertThat(relaunch(new Given()).classDataArchive()).isTrue();
		assertThat(relaunch(new Given().env("GRASSROOTS_LAUNCHER_CDS", "off")).classDataArchive()).isFalse();
		assertThat(relaunch(new Given().systemProperty("grassroots.launcher.cds", "false")).classDataArchive()).isFalse();
		assertThat(relaunch(new Given().args("--grassroots.launcher.cds=off")).classDataArchive()).isFalse();
		assertThat(relaunch(new Given().jvm("-Xshare:off")).classDataArchive()).isFalse();
		assertThat(relaunch(new Given().jvm("-XX:SharedArchiveFile=mine.jsa")).classDataArchive()).isFalse();
	}

	@Test
	void withTheArchiveTheServerJvmStartsTheExtractedJarWithTheArchivesOptions() {
		var relaunch = relaunch(new Given().jvm("-Xmx512m").args("--server.port=8081"));

		assertThat(relaunch.command(List.of("-XX:SharedArchiveFile=/x/app.jsa", "-Xlog:cds*=off"), "/x/app/app.jar"))
			.containsExactly(JAVA, "-XX:TieredStopAtLevel=1", "-Xmx512m", "-Dgrassroots.launcher.parent=4242",
					"-XX:SharedArchiveFile=/x/app.jsa", "-Xlog:cds*=off", "-jar", "/x/app/app.jar", "--server.port=8081");
	}

	private static Decision.Relaunch relaunch(Given given) {
		var decision = given.decide();
		assertThat(decision).isInstanceOf(Decision.Relaunch.class);
		return (Decision.Relaunch) decision;
	}

	@Test
	void theCommandLineIsReadUpToTheJarOrTheMainClass() {
		assertThat(CommandLine.parse(List.of("-cp", "x.jar", "-Xmx1g", "-jar", "app.jar", "--a=b")))
			.isEqualTo(new CommandLine(List.of("-cp", "x.jar", "-Xmx1g"), Optional.of("app.jar")));
		assertThat(CommandLine.parse(List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED", "-jar", "app.jar"))
			.jvmOptions())
			.containsExactly("--add-opens", "java.base/java.lang=ALL-UNNAMED");
		assertThat(CommandLine.parse(List.of("-Xmx1g", "io.grassroots.GrassrootsApplication", "-jar", "x.jar")))
			.isEqualTo(new CommandLine(List.of("-Xmx1g"), Optional.empty()));
	}

	@Test
	void theLauncherEndsWithTheServerJvmsExitCode() {
		assertThat(EmbeddedLauncher.run(List.of("sh", "-c", "exit 7"), Optional.empty())).hasValue(7);
	}

	@Test
	void aServerJvmThatCannotBeStartedLeavesTheApplicationInThisJvm() {
		assertThat(EmbeddedLauncher.run(List.of("/nonexistent/bin/java", "-version"), Optional.empty())).isEmpty();
	}

	@Test
	void stoppingTheLauncherStopsTheServerJvm() throws Exception {
		var server = new ProcessBuilder("sleep", "60").start();

		EmbeddedLauncher.stop(server, EmbeddedLauncher.STOP_GRACE);

		assertThat(server.isAlive()).isFalse();
		assertThat(server.exitValue()).isEqualTo(143); // SIGTERM, the graceful way
	}

	@Test
	void theServerJvmSeesWhetherItsLauncherIsStillItsParent() {
		var parent = ProcessHandle.current().parent().orElseThrow().pid();

		assertThat(EmbeddedLauncher.launcherAlive(parent)).isTrue();
		assertThat(EmbeddedLauncher.launcherAlive(ProcessHandle.current().pid())).isFalse();
		assertThat(EmbeddedLauncher.WATCH_INTERVAL).isLessThanOrEqualTo(Duration.ofSeconds(1));
	}

	private static void assertStays(Given given, String reason) {
		var decision = given.decide();
		assertThat(decision).isInstanceOf(Decision.Stay.class);
		assertThat(((Decision.Stay) decision).reason()).contains(reason);
	}

	/** A java -jar of the exec jar with no options, arguments, profile or configuration, unless a test adds them. */
	private static final class Given {

		private final List<String> jvm = new ArrayList<>();

		private final List<String> args = new ArrayList<>();

		private final Properties systemProperties = new Properties();

		private final Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin", "HOME", "/home/demo"));

		private List<Path> files = List.of();

		private boolean nestedJarLoader = true;

		private boolean readable = true;

		private List<String> commandLine;

		Given jvm(String... options) {
			jvm.addAll(List.of(options));
			return this;
		}

		Given args(String... arguments) {
			args.addAll(List.of(arguments));
			return this;
		}

		Given systemProperty(String name, String value) {
			systemProperties.setProperty(name, value);
			return this;
		}

		Given env(String name, String value) {
			env.put(name, value);
			return this;
		}

		Given files(Path... present) {
			files = List.of(present);
			return this;
		}

		Given nestedJarLoader(boolean nested) {
			nestedJarLoader = nested;
			return this;
		}

		/** The JVM's command line as /proc shows it; null: unreadable. */
		Given commandLine(List<String> line) {
			readable = line != null;
			commandLine = line;
			return this;
		}

		Decision decide() {
			var line = new ArrayList<>(jvm);
			line.add("-jar");
			line.add(JAR);
			line.addAll(args);
			var shown = readable ? Optional.of(commandLine != null ? commandLine : List.copyOf(line))
					: Optional.<List<String>>empty();
			Predicate<Path> exists = files::contains;
			return EmbeddedLauncher.decide(new Invocation(shown, List.copyOf(args), systemProperties, env,
					nestedJarLoader, exists, JAVA, 4242));
		}

	}

}
