package io.grassroots;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The server JVM's class-data archive (decision 0019): the launcher runs the server JVM from the jar extracted beside
 * it ({@code <jar>.cds/app}, Spring Boot's {@code -Djarmode=tools extract}, a class path of plain jars that JDK 17 can
 * archive) and maps the classes the last run loaded from {@code <jar>.cds/app.jsa} ({@code -XX:SharedArchiveFile}),
 * as Spring Boot documents for CDS. When there is no archive yet, the server JVM writes one when it stops
 * ({@code -XX:ArchiveClassesAtExit}, a whole run as the training run); the launcher keeps it only when the server JVM
 * ended normally.
 *
 * <p>
 * The folder belongs to one jar on one JVM: its {@code key} file names the jar's path, size and modification time and
 * the JVM's home and version; a rebuilt jar or another JVM extracts anew and trains a new archive, and the JVM itself
 * refuses an archive whose jars changed. Whatever fails (a folder that cannot be written, an extraction that fails, an
 * archive the JVM will not map) leaves the server JVM as it was, started from the jar: the jar runs anywhere, with or
 * without the folder. {@code GRASSROOTS_LAUNCHER_CDS=off} (or {@code -Dgrassroots.launcher.cds=off}) switches it off.
 */
final class ClassDataArchive {

	/** The switch: {@code off} (or {@code false}) runs the server JVM from the jar, without an archive. */
	static final String SWITCH = "grassroots.launcher.cds";

	static final String ARCHIVE = "app.jsa";

	static final String KEY = "key";

	static final String APPLICATION = "app";

	/** Silences the JVM's CDS messages: classes it cannot archive when it writes, an archive it cannot map. */
	static final String QUIET = "-Xlog:cds*=off";

	/** Exit codes of a server JVM that ended normally: stopped, SIGINT (Ctrl-C), SIGTERM. */
	private static final List<Integer> NORMAL_EXIT = List.of(0, 130, 143);

	private static final long EXTRACT_TIMEOUT_SECONDS = 300;

	private ClassDataArchive() {
	}

	/**
	 * How the server JVM runs with the archive: the options to add, the jar to start, and where it writes a new
	 * archive when there is none yet.
	 */
	record Use(List<String> options, String jar, Optional<Path> written, Path archive) {

		/** After the server JVM ended: a new archive becomes the one of the next starts if that JVM ended normally. */
		void keep(int exitCode) {
			if (written.isEmpty() || !Files.isRegularFile(written.get())) {
				return;
			}
			try {
				if (NORMAL_EXIT.contains(exitCode) && Files.size(written.get()) > 0) {
					move(written.get(), archive);
				}
				else {
					Files.deleteIfExists(written.get());
				}
			}
			catch (IOException e) {
				System.err.println("Grassroots: the class-data archive was not kept (" + e.getMessage() + ")");
			}
		}

	}

	/** What the folder's key says: this jar (path, size, time) on this JVM (home, version). */
	static String key(Path jar, String javaHome, String javaVersion) throws IOException {
		return "jar=" + jar.toAbsolutePath().normalize() + "\nsize=" + Files.size(jar) + "\nmodified="
				+ Files.getLastModifiedTime(jar).toMillis() + "\njava.home=" + javaHome + "\njava.vm.version="
				+ javaVersion + "\n";
	}

	/** The folder beside the jar: {@code grassroots-…-exec.jar} → {@code grassroots-…-exec.jar.cds}. */
	static Path folder(Path jar) {
		var absolute = jar.toAbsolutePath().normalize();
		return absolute.resolveSibling(absolute.getFileName() + ".cds");
	}

	/**
	 * Prepares the server JVM's archive for the jar: reuses the extracted jar when its key matches, extracts it
	 * otherwise (the {@code extractor} writes Spring Boot's extracted layout into the folder it is given); empty when
	 * it cannot, and the server JVM runs from the jar.
	 */
	static Optional<Use> prepare(Path jar, String javaHome, String javaVersion, long pid, Extractor extractor) {
		try {
			var folder = folder(jar);
			var key = key(jar, javaHome, javaVersion);
			if (!key.equals(readKey(folder))) {
				if (!extract(jar, folder, key, pid, extractor)) {
					return Optional.empty();
				}
			}
			var application = folder.resolve(APPLICATION).resolve(jar.getFileName().toString());
			if (!Files.isRegularFile(application)) {
				return Optional.empty();
			}
			removeLeftovers(folder);
			var archive = folder.resolve(ARCHIVE);
			if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
				return Optional.of(new Use(List.of("-XX:SharedArchiveFile=" + archive, QUIET),
						application.toString(), Optional.empty(), archive));
			}
			var written = folder.resolve(ARCHIVE + "." + pid + ".tmp");
			return Optional.of(new Use(List.of("-XX:ArchiveClassesAtExit=" + written, QUIET), application.toString(),
					Optional.of(written), archive));
		}
		catch (IOException | RuntimeException e) {
			System.err.println("Grassroots: no class-data archive for the server JVM (" + e + ")");
			return Optional.empty();
		}
	}

	private static String readKey(Path folder) {
		try {
			return Files.readString(folder.resolve(KEY), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return "";
		}
	}

	/**
	 * Extracts into a folder of this process and moves it in place of the stale one; another launcher that got there
	 * first wins, and its folder is used if its key matches.
	 */
	private static boolean extract(Path jar, Path folder, String key, long pid, Extractor extractor)
			throws IOException {
		var parent = folder.getParent();
		if (parent == null || !Files.isWritable(parent)) {
			return false;
		}
		var fresh = folder.resolveSibling(folder.getFileName() + "." + pid + ".tmp");
		deleteTree(fresh);
		Files.createDirectories(fresh);
		try {
			if (!extractor.extract(jar, fresh.resolve(APPLICATION))) {
				return false;
			}
			Files.writeString(fresh.resolve(KEY), key, StandardCharsets.UTF_8);
			if (Files.exists(folder)) {
				var stale = folder.resolveSibling(folder.getFileName() + "." + pid + ".stale");
				try {
					Files.move(folder, stale, StandardCopyOption.ATOMIC_MOVE);
					deleteTree(stale);
				}
				catch (IOException raced) {
					// another launcher replaced it meanwhile: try to move ours in place below
				}
			}
			try {
				Files.move(fresh, folder, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException raced) {
				return key.equals(readKey(folder));
			}
			return true;
		}
		finally {
			deleteTree(fresh);
		}
	}

	/** Archives written by server JVMs whose launcher has gone (killed before it could keep them). */
	private static void removeLeftovers(Path folder) throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, ARCHIVE + ".*.tmp")) {
			for (var file : files) {
				var name = file.getFileName().toString();
				var pid = name.substring(ARCHIVE.length() + 1, name.length() - ".tmp".length());
				try {
					if (ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
						Files.deleteIfExists(file);
					}
				}
				catch (NumberFormatException notOurs) {
					// leave it
				}
			}
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.deleteIfExists(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
				Files.deleteIfExists(directory);
				return FileVisitResult.CONTINUE;
			}

		});
	}

	/** Writes the jar's extracted layout (the application jar and {@code lib/}) into a folder. */
	interface Extractor {

		boolean extract(Path jar, Path destination) throws IOException;

	}

	/**
	 * Spring Boot's own extraction: {@code java -Djarmode=tools -jar <jar> extract --destination <folder>} (a class,
	 * not a lambda: every lambda is a class spun at run time, and this runs before the server JVM is started).
	 */
	static final class SpringBootTools implements Extractor {

		private final String java;

		SpringBootTools(String java) {
			this.java = java;
		}

		@Override
		public boolean extract(Path jar, Path destination) throws IOException {
			var process = new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract",
					"--destination", destination.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			try {
				if (!process.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					return false;
				}
			}
			catch (InterruptedException e) {
				process.destroyForcibly();
				Thread.currentThread().interrupt();
				return false;
			}
			return process.exitValue() == 0;
		}

	}

}
