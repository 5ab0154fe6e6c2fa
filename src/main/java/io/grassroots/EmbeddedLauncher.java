package io.grassroots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain {@code java -jar} of the embedded demo starts the server in a second JVM with options for the embedded mode
 * (C1 only) and waits for it, as Elasticsearch's and other command-line launchers do (decision 0018): a jar's
 * manifest cannot carry JVM options, and half of a first start's CPU is the C2 compiler.
 *
 * <p>
 * It relaunches only when everything says that this is the embedded demo started from the jar: the JVM was started
 * with {@code -jar} and this class was loaded by Spring Boot's nested-jar loader; no profile is named and no data
 * source, configuration location or configuration file outside the jar is given; the user chose no JIT and no option
 * that would act twice in two JVMs (debug agents, flight recordings, log files, JMX ports, class-data dumps); it is not
 * switched off ({@code GRASSROOTS_LAUNCHER=off}, {@code -Dgrassroots.launcher=off}); and this JVM is not already the
 * relaunched one. Anything else runs in this JVM as before, so production (the {@code prod} profile) never relaunches.
 *
 * <p>
 * The launcher passes its own JVM options, the jar and the program arguments on, shares its standard input, output
 * and error with the server JVM and exits with its exit code; SIGTERM or SIGINT to the launcher stop the server JVM
 * gracefully (its shutdown hook, then {@link Process#destroy()}); a server JVM whose launcher has gone (SIGKILL) stops
 * itself within a second.
 */
final class EmbeddedLauncher {

	/** The system property that marks the server JVM; its value is the launcher's process id. */
	static final String PARENT = "grassroots.launcher.parent";

	/** The switch: {@code off} (or {@code false}) keeps the application in the JVM it was started in. */
	static final String SWITCH = "grassroots.launcher";

	/** The options the server JVM gets for the embedded mode (decision 0018). */
	static final List<String> EMBEDDED_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

	/** How long the launcher waits for the server JVM's graceful shutdown before it kills it. */
	static final Duration STOP_GRACE = Duration.ofSeconds(60);

	/**
	 * The same for a server JVM that writes its class-data archive as it stops (decision 0019): several seconds of CPU
	 * on a quiet machine, a minute under heavy load.
	 */
	static final Duration ARCHIVE_GRACE = Duration.ofMinutes(5);

	/** How often the server JVM looks whether its launcher is still there. */
	static final Duration WATCH_INTERVAL = Duration.ofMillis(500);

	private static final String NESTED_JAR_LOADER = "org.springframework.boot.loader.launch.LaunchedClassLoader";

	/** Options that choose the JIT: the user's choice stands and nothing is relaunched. */
	private static final List<String> JIT_OPTIONS = List.of("-XX:TieredStopAtLevel", "-XX:+TieredCompilation",
			"-XX:-TieredCompilation", "-XX:CompilationMode", "-XX:+UseJVMCICompiler", "-Xint", "-Xcomp", "-Xmixed");

	/** Options that would act in both JVMs (ports, files written at exit, agents), or hide further options. */
	private static final List<String> TWICE_OPTIONS = List.of("-agentlib:", "-agentpath:", "-javaagent:", "-Xrun",
			"-Xdebug", "-Dcom.sun.management.jmxremote", "-XX:StartFlightRecording", "-XX:+FlightRecorder",
			"-XX:FlightRecorderOptions", "-Xloggc", "-XX:ArchiveClassesAtExit", "-XX:+AutoCreateSharedArchive",
			"-Xshare:dump", "-XX:DumpLoadedClassList", "-XX:Flags=", "-XX:VMOptionsFile=", "@");

	/** The environment variables the java launcher and the JVM read options from. */
	private static final List<String> OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
			"_JAVA_OPTIONS");

	/** Options of the java launcher that take their value as the next argument. */
	private static final List<String> OPTIONS_WITH_VALUE = List.of("-cp", "-classpath", "--class-path", "-p",
			"--module-path", "--upgrade-module-path", "--add-modules", "--limit-modules", "--add-reads",
			"--add-exports", "--add-opens", "--patch-module", "--enable-native-access", "-d", "--describe-module");

	private static final List<String> PROFILE_SETTINGS = List.of("spring.profiles.active", "spring.profiles.include",
			"spring.profiles.default");

	private static final List<String> CONFIGURATION_SETTINGS = List.of("spring.datasource.url",
			"spring.config.location", "spring.config.additional-location", "spring.config.import",
			"spring.config.name", "spring.application.json");

	private static final List<String> CONFIGURATION_FILES = List.of("application.properties", "application.yml",
			"application.yaml");

	private EmbeddedLauncher() {
	}

	/**
	 * Called first by {@code main}: in the server JVM it starts watching the launcher and returns; when this JVM
	 * should relaunch it runs the server JVM and ends this one with its exit code; otherwise it returns at once.
	 */
	static void relaunchIfEmbedded(String... args) {
		var parent = System.getProperty(PARENT);
		if (parent != null) {
			watchLauncher(parent);
			return;
		}
		var invocation = Invocation.current(args);
		var decision = decide(invocation);
		if (decision instanceof Decision.Relaunch relaunch) {
			var archive = relaunch.classDataArchive()
					? ClassDataArchive.prepare(Path.of(relaunch.jar()), System.getProperty("java.home"),
							System.getProperty("java.vm.version"), invocation.pid(),
							new ClassDataArchive.SpringBootTools(invocation.java()))
					: Optional.<ClassDataArchive.Use>empty();
			System.out.println("Grassroots: the embedded demo runs in a server JVM with "
					+ String.join(" ", relaunch.added()) + " (decision 0018; GRASSROOTS_LAUNCHER=off runs it in this one)"
					+ (archive.isEmpty() ? ""
							: archive.get().written().isEmpty()
									? " and the class-data archive of earlier runs (decision 0019)"
									: "; it writes a class-data archive for the next starts when it stops (decision 0019)"));
			var command = archive.isEmpty() ? relaunch.command()
					: relaunch.command(archive.get().options(), archive.get().jar());
			var exitCode = run(command, archive);
			if (exitCode.isPresent()) {
				System.exit(exitCode.getAsInt());
			}
		}
	}

	/** Whether to relaunch, and the server JVM's command line if so. */
	static Decision decide(Invocation invocation) {
		var settings = Settings.of(invocation.args(), invocation.systemProperties(), invocation.environment());
		if (invocation.systemProperties().getProperty(PARENT) != null) {
			return new Decision.Stay("this is the server JVM");
		}
		var off = settings.get(SWITCH);
		if (off.isPresent() && List.of("off", "false").contains(off.get().trim().toLowerCase(Locale.ROOT))) {
			return new Decision.Stay(SWITCH + "=" + off.get());
		}
		if (invocation.commandLine().isEmpty()) {
			return new Decision.Stay("the JVM's command line cannot be read");
		}
		var line = CommandLine.parse(invocation.commandLine().get());
		if (line.jar().isEmpty() || !invocation.nestedJarLoader()) {
			return new Decision.Stay("not started with java -jar");
		}
		if (GrassrootsApplication.isCommand(invocation.args().toArray(new String[0]))) {
			return new Decision.Stay("a command, not the server");
		}
		for (var name : PROFILE_SETTINGS) {
			var profiles = settings.get(name);
			if (profiles.isPresent() && !profiles.get().isBlank()) {
				return new Decision.Stay("profile " + profiles.get() + " (" + name + ")");
			}
		}
		for (var name : CONFIGURATION_SETTINGS) {
			if (settings.get(name).isPresent()) {
				return new Decision.Stay(name + " is given");
			}
		}
		for (var file : configurationFiles()) {
			if (invocation.fileExists().test(file)) {
				return new Decision.Stay("configuration file " + file);
			}
		}
		var options = new ArrayList<>(line.jvmOptions());
		for (var variable : OPTION_VARIABLES) {
			var value = invocation.environment().get(variable);
			if (value != null && !value.isBlank()) {
				options.addAll(Arrays.asList(value.trim().split("\\s+")));
			}
		}
		for (var option : options) {
			if (startsWithAny(option, JIT_OPTIONS)) {
				return new Decision.Stay("the JIT is chosen: " + option);
			}
			if (startsWithAny(option, TWICE_OPTIONS) || writesLogFile(option)) {
				return new Decision.Stay("the option would act in both JVMs: " + option);
			}
		}
		var jvmOptions = new ArrayList<String>(EMBEDDED_OPTIONS);
		jvmOptions.addAll(line.jvmOptions());
		jvmOptions.add("-D" + PARENT + "=" + invocation.pid());
		var classData = settings.get(ClassDataArchive.SWITCH);
		var archive = (classData.isEmpty()
				|| !List.of("off", "false").contains(classData.get().trim().toLowerCase(Locale.ROOT)))
				&& !choosesClassData(options);
		return new Decision.Relaunch(invocation.java(), jvmOptions, line.jar().get(), invocation.args(),
				EMBEDDED_OPTIONS, archive);
	}

	/** The user's own class-data options ({@code -Xshare:off}, an archive of theirs) stand: no archive of ours. */
	private static boolean choosesClassData(List<String> options) {
		for (var option : options) {
			if (option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWithAny(String option, List<String> prefixes) {
		for (var prefix : prefixes) {
			if (option.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/** {@code -Xlog:…:<output>} with an output that is not stdout or stderr: both JVMs would write the file. */
	private static boolean writesLogFile(String option) {
		if (!option.startsWith("-Xlog:")) {
			return false;
		}
		var parts = option.split(":", 4);
		return parts.length > 2 && !parts[2].isEmpty() && !parts[2].equals("stdout") && !parts[2].equals("stderr");
	}

	/** Spring Boot's default configuration files outside the jar, relative to the working directory. */
	private static List<Path> configurationFiles() {
		var files = new ArrayList<Path>();
		for (var name : CONFIGURATION_FILES) {
			files.add(Path.of(name));
			files.add(Path.of("config", name));
		}
		return files;
	}

	/**
	 * Starts the server JVM with this JVM's standard streams, stops it with this JVM, and returns its exit code; empty
	 * when it could not be started (the application then runs in this JVM).
	 */
	static OptionalInt run(List<String> command, Optional<ClassDataArchive.Use> archive) {
		Process server;
		try {
			server = new ProcessBuilder(command).inheritIO().start();
		}
		catch (IOException e) {
			System.err.println("Grassroots: could not start the server JVM (" + e.getMessage() + "); running in this one");
			return OptionalInt.empty();
		}
		var writesArchive = archive.isPresent() && archive.get().written().isPresent();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (writesArchive && server.isAlive()) {
				System.out.println("Grassroots: the server JVM writes the class-data archive for the next starts as it"
						+ " stops (decision 0019)");
			}
			stop(server, writesArchive ? ARCHIVE_GRACE : STOP_GRACE);
			if (archive.isPresent() && !server.isAlive()) {
				archive.get().keep(server.exitValue());
			}
		}, "grassroots-launcher-stop"));
		while (true) {
			try {
				return OptionalInt.of(server.waitFor());
			}
			catch (InterruptedException e) {
				// Nobody interrupts the main thread for a reason here: keep waiting for the server JVM.
			}
		}
	}

	/** SIGTERM to the server JVM (its graceful shutdown), SIGKILL when it has not ended after the grace. */
	static void stop(Process server, Duration grace) {
		if (!server.isAlive()) {
			return;
		}
		server.destroy();
		try {
			if (!server.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
				server.destroyForcibly();
				server.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException e) {
			server.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * In the server JVM: a daemon thread that ends this JVM (its shutdown hooks close the application, the database
	 * and the port) once the launcher is no longer its parent — the launcher was killed and this JVM was handed to
	 * another parent.
	 */
	private static void watchLauncher(String parent) {
		long launcher;
		try {
			launcher = Long.parseLong(parent.trim());
		}
		catch (NumberFormatException e) {
			return;
		}
		var watch = new Thread(() -> {
			while (launcherAlive(launcher)) {
				try {
					Thread.sleep(WATCH_INTERVAL.toMillis());
				}
				catch (InterruptedException e) {
					return;
				}
			}
			System.err.println("Grassroots: the launcher (pid " + launcher + ") has ended; stopping the server");
			// A context still starting closes only when its refresh is over: as the launcher would, kill after the grace.
			var halt = new Thread(() -> {
				try {
					Thread.sleep(STOP_GRACE.toMillis());
				}
				catch (InterruptedException e) {
					return;
				}
				Runtime.getRuntime().halt(1);
			}, "grassroots-launcher-halt");
			halt.setDaemon(true);
			halt.start();
			System.exit(1);
		}, "grassroots-launcher-watch");
		watch.setDaemon(true);
		watch.start();
	}

	static boolean launcherAlive(long launcher) {
		var parent = ProcessHandle.current().parent();
		return parent.isPresent() && parent.get().pid() == launcher;
	}

	/** What the launcher decides on: the JVM's own command line, the program arguments and the configuration. */
	record Invocation(Optional<List<String>> commandLine, List<String> args, Properties systemProperties,
			Map<String, String> environment, boolean nestedJarLoader, Predicate<Path> fileExists, String java,
			long pid) {

		static Invocation current(String... args) {
			var self = ProcessHandle.current();
			var arguments = self.info().arguments();
			var commandLine = arguments.isPresent() ? Optional.of(List.of(arguments.get())) : Optional.<List<String>>empty();
			var loader = EmbeddedLauncher.class.getClassLoader();
			return new Invocation(commandLine, List.of(args), System.getProperties(), System.getenv(),
					loader != null && loader.getClass().getName().equals(NESTED_JAR_LOADER), Files::isRegularFile,
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), self.pid());
		}

	}

	/** The JVM's arguments after the executable: its options, then {@code -jar <jar>} (or a main class) and more. */
	record CommandLine(List<String> jvmOptions, Optional<String> jar) {

		static CommandLine parse(List<String> arguments) {
			var options = new ArrayList<String>();
			for (var i = 0; i < arguments.size(); i++) {
				var argument = arguments.get(i);
				if (argument.equals("-jar")) {
					return new CommandLine(options, Optional.ofNullable(i + 1 < arguments.size() ? arguments.get(i + 1)
							: null));
				}
				if (!argument.startsWith("-") && !argument.startsWith("@")) {
					return new CommandLine(options, Optional.empty()); // a main class
				}
				options.add(argument);
				if (OPTIONS_WITH_VALUE.contains(argument) && i + 1 < arguments.size()) {
					options.add(arguments.get(++i));
				}
			}
			return new CommandLine(options, Optional.empty());
		}

	}

	/**
	 * Settings as Spring Boot would find them in the program arguments ({@code --name=value}), system properties and
	 * environment variables ({@code SPRING_DATASOURCE_URL}), by a relaxed name: lower case, {@code _} as {@code .},
	 * no dashes.
	 */
	record Settings(Map<String, String> values) {

		static Settings of(List<String> args, Properties systemProperties, Map<String, String> environment) {
			// Loops rather than lambdas: every lambda is a class spun at run time, and this runs before the server JVM
			// is started.
			var values = new HashMap<String, String>();
			for (var variable : environment.entrySet()) {
				values.put(relaxed(variable.getKey()), variable.getValue());
			}
			for (var name : systemProperties.stringPropertyNames()) {
				values.put(relaxed(name), systemProperties.getProperty(name));
			}
			for (var arg : args) {
				if (arg.startsWith("--") && arg.length() > 2) {
					var equals = arg.indexOf('=');
					values.put(relaxed(equals < 0 ? arg.substring(2) : arg.substring(2, equals)),
							equals < 0 ? "" : arg.substring(equals + 1));
				}
			}
			return new Settings(values);
		}

		Optional<String> get(String name) {
			return Optional.ofNullable(values.get(relaxed(name)));
		}

		private static String relaxed(String name) {
			return name.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
		}

	}

	/** Relaunch with this command line, or stay in this JVM for a reason. */
	sealed interface Decision {

		/**
		 * The server JVM: {@code java}, its options, {@code -jar}, the jar, the program arguments; with a class-data
		 * archive unless switched off (decision 0019).
		 */
		record Relaunch(String java, List<String> jvmOptions, String jar, List<String> args, List<String> added,
				boolean classDataArchive) implements Decision {

			/** The command line from the jar as given. */
			List<String> command() {
				return command(List.of(), jar);
			}

			/** The command line with more JVM options, from another jar (the extracted one). */
			List<String> command(List<String> moreOptions, String fromJar) {
				var command = new ArrayList<String>();
				command.add(java);
				command.addAll(jvmOptions);
				command.addAll(moreOptions);
				command.add("-jar");
				command.add(fromJar);
				command.addAll(args);
				return command;
			}

		}

		record Stay(String reason) implements Decision {
		}

	}

}
