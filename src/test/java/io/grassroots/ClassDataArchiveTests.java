package io.grassroots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the launcher extracts the jar, when the server JVM writes a class-data archive and when it maps the one of
 * earlier runs (decision 0019). With a real JVM and the built jar: EmbeddedLauncherJarTests.
 */
class ClassDataArchiveTests {

	private static final String HOME = "/usr/lib/jvm/java-17";

	private static final String VERSION = "17.0.15+6";

	@TempDir
	Path folder;

	private int extractions;

	@Test
	void theFirstStartExtractsTheJarBesideItAndTheServerJvmWritesTheArchiveWhenItStops() throws IOException {
		var jar = jar();

		var use = prepare(jar, VERSION).orElseThrow();

		var cds = folder.resolve("grassroots-exec.jar.cds");
		assertThat(extractions).isEqualTo(1);
		assertThat(use.jar()).isEqualTo(cds.resolve("app/grassroots-exec.jar").toString());
		assertThat(use.options()).containsExactly("-XX:ArchiveClassesAtExit=" + cds.resolve("app.jsa.4242.tmp"),
				"-Xlog:cds*=off");
		assertThat(use.written()).contains(cds.resolve("app.jsa.4242.tmp"));
		assertThat(cds.resolve("key")).content().contains("size=3", "java.vm.version=" + VERSION);
	}

	@Test
	void theArchiveOfAServerJvmThatStoppedNormallyIsMappedByTheNextStartsWithoutExtractingAgain() throws IOException {
		var jar = jar();
		var first = prepare(jar, VERSION).orElseThrow();
		Files.writeString(first.written().orElseThrow(), "archive");

		first.keep(143); // SIGTERM: the graceful stop

		var cds = folder.resolve("grassroots-exec.jar.cds");
		assertThat(cds.resolve("app.jsa")).hasContent("archive");
		assertThat(first.written().orElseThrow()).doesNotExist();
		var next = prepare(jar, VERSION).orElseThrow();
		assertThat(next.options()).containsExactly("-XX:SharedArchiveFile=" + cds.resolve("app.jsa"), "-Xlog:cds*=off");
		assertThat(next.written()).isEmpty();
		assertThat(extractions).isEqualTo(1);
	}

	@Test
	void theArchiveOfAServerJvmThatFailedIsThrownAway() throws IOException {
		var jar = jar();
		var first = prepare(jar, VERSION).orElseThrow();
		Files.writeString(first.written().orElseThrow(), "partial");

		first.keep(1);

		assertThat(first.written().orElseThrow()).doesNotExist();
		assertThat(first.archive()).doesNotExist();
		assertThat(prepare(jar, VERSION).orElseThrow().written()).isPresent();
	}

	@Test
	void aRebuiltJarOrAnotherJvmExtractsAnewAndTrainsANewArchive() throws IOException {
		var jar = jar();
		var first = prepare(jar, VERSION).orElseThrow();
		Files.writeString(first.written().orElseThrow(), "archive");
		first.keep(0);

		Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-12-05T02:00:00Z")));
		var rebuilt = prepare(jar, VERSION).orElseThrow();

		assertThat(extractions).isEqualTo(2);
		assertThat(rebuilt.written()).isPresent();
		assertThat(rebuilt.archive()).doesNotExist();
		Files.writeString(rebuilt.written().orElseThrow(), "archive");
		rebuilt.keep(0);

		var otherJvm = prepare(jar, "17.0.16+8").orElseThrow();
		assertThat(extractions).isEqualTo(3);
		assertThat(otherJvm.written()).isPresent();
	}

	@Test
	void aFailedExtractionLeavesTheServerJvmOnTheJarAndNoFolder() throws IOException {
		var jar = jar();

		var use = ClassDataArchive.prepare(jar, HOME, VERSION, 4242, (from, to) -> false);

		assertThat(use).isEmpty();
		try (var files = Files.list(folder)) {
			assertThat(files).containsExactly(jar);
		}
	}

	@Test
	void archivesLeftByServerJvmsWhoseLauncherWasKilledAreRemoved() throws IOException {
		var jar = jar();
		prepare(jar, VERSION);
		var cds = folder.resolve("grassroots-exec.jar.cds");
		var leftover = Files.writeString(cds.resolve("app.jsa.2147483646.tmp"), "half");
		var running = Files.writeString(cds.resolve("app.jsa." + ProcessHandle.current().pid() + ".tmp"), "being written");

		prepare(jar, VERSION);

		assertThat(leftover).doesNotExist();
		assertThat(running).exists();
	}

	private Path jar() throws IOException {
		return Files.writeString(folder.resolve("grassroots-exec.jar"), "jar");
	}

	private java.util.Optional<ClassDataArchive.Use> prepare(Path jar, String version) {
		return ClassDataArchive.prepare(jar, HOME, version, 4242, (from, to) -> {
			extractions++;
			Files.createDirectories(to.resolve("lib"));
			Files.copy(from, to.resolve(from.getFileName()));
			return true;
		});
	}

}
