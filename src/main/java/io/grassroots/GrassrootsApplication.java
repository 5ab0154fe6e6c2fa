package io.grassroots;

import java.util.Arrays;
import java.util.stream.Stream;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class GrassrootsApplication {

	/** Commands that run once against the database, without a web server, and exit with their result. */
	static final String[] COMMANDS = { "--verify-audit", "--create-administrator" };

	public static void main(String[] args) {
		if (isCommand(args)) {
			System.exit(runCommand(args));
		}
		// The embedded demo started with java -jar runs in a second JVM with options for it (decision 0018).
		EmbeddedLauncher.relaunchIfEmbedded(args);
		SpringApplication.run(GrassrootsApplication.class, args);
	}

	static boolean isCommand(String... args) {
		return Arrays.stream(args)
			.anyMatch(arg -> Arrays.stream(COMMANDS).anyMatch(c -> arg.equals(c) || arg.startsWith(c + "=")));
	}

	/**
	 * Starts the application without a web server, demo data or region seed, lets the command's runner work and
	 * returns the exit code it chose.
	 */
	static int runCommand(String... args) {
		return Command.run(args);
	}

	/**
	 * The commands' Spring start, in a class of its own: verifying {@code main}'s class then loads no Spring class,
	 * which keeps the launcher's JVM small and quick (decision 0018).
	 */
	private static final class Command {

		static int run(String... args) {
			var application = new SpringApplication(GrassrootsApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			application.setBannerMode(Banner.Mode.OFF);
			var commandArgs = Stream.concat(Arrays.stream(args), Stream.of("--grassroots.demo.enabled=false",
					"--grassroots.region.seed=", "--spring.main.log-startup-info=false", "--logging.level.root=WARN"))
				.toArray(String[]::new);
			return SpringApplication.exit(application.run(commandArgs));
		}

	}

}
