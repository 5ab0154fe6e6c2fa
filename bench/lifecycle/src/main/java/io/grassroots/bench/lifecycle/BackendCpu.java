package io.grassroots.bench.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The CPU time (user + system, clock ticks of 10 ms), voluntary context switches and writing system calls that one
 * database's server backends spent over a window, from {@code /proc/<pid>/stat}, {@code /status} and {@code /io}
 * (same machine).
 *
 * <p>A backend is known by its pid and its start time ({@code stat}'s 22nd field), so a pid the kernel gives to a new
 * backend is a new backend. Each backend counts what it spent from its first look in the window (or from its start,
 * if it started in the window) to its last: one present at both ends counts the difference, one that started in the
 * window counts all it spent (its start-up included: the loop's pool opened it), one that ended in the window counts
 * up to the last look that saw it. Summing the two ends' totals instead, as the bench did until 2026-12-07, dropped a
 * backend that ended in the window with everything it had spent since it started, and printed negative CPU for
 * Flowable's 4-thread rounds (bench/RESULTS.md § lifecycle, lcpu22). So that little of an ending backend's time is
 * lost, {@link #watch} looks every {@link #EVERY_MILLIS} ms in between.
 */
final class BackendCpu {

	/**
	 * How often {@link #watch} looks at the database's backends between the window's two ends: a backend that ends
	 * loses at most what it spent in this long before it ended. At 100 ms the looks cost the bench JVM ≈ 1 ms each
	 * on the busy shared host (≈ 0.7 ms per lifecycle of raw's, a quarter of its JVM figure; lcpu22).
	 */
	static final long EVERY_MILLIS = 1_000;

	private BackendCpu() {
	}

	/** One backend: the kernel may give its pid to another process once it has ended, never its start time too. */
	record Key(int pid, long started) {
	}

	/** A backend's totals since it started; {@code writes} is -1 when {@code /proc/<pid>/io} is not readable. */
	record Sample(long ticks, long switches, long writes) {

		static final Sample NONE = new Sample(0, 0, 0);

	}

	/** One look at a database's backends. */
	record Look(Map<Key, Sample> backends) {

		/** Reads the given server processes; a process that has already ended is left out. */
		static Look of(Collection<Integer> pids) {
			var backends = new HashMap<Key, Sample>();
			for (var pid : pids) {
				read(pid).ifPresent(r -> backends.put(r.key(), r.sample()));
			}
			return new Look(Map.copyOf(backends));
		}

	}

	/** What a database's backends spent in a window, and how many were there throughout, started and ended in it. */
	record Spent(long ticks, long switches, long writes, int count, int throughout, int started, int ended,
			long endsOnlyTicks) {

		/** With, when a backend ended in the window, what the two ends' totals alone (the bench until lcpu22) said. */
		@Override
		public String toString() {
			return String.format("%d backends: %d throughout, %d started, %d ended in the window", count, throughout,
					started, ended) + (ended == 0 ? "" : String.format("; the two ends' totals alone: %d ticks", endsOnlyTicks));
		}

	}

	/**
	 * The looks of one window: the first, any number in between (of every backend of the database then, or of some),
	 * and the last.
	 */
	static final class Window {

		private final Map<Key, Sample> first;

		private final Map<Key, Sample> last = new HashMap<>();

		Window(Look first) {
			this.first = first.backends();
			last.putAll(this.first);
		}

		/** A look between the window's ends: updates the last figures of the backends it saw. */
		synchronized void saw(Look look) {
			last.putAll(look.backends());
		}

		/** The window's last look: what every backend seen spent from its first look (or its start) to its last. */
		synchronized Spent end(Look end) {
			last.putAll(end.backends());
			long ticks = 0;
			long switches = 0;
			long writes = 0;
			var writesKnown = true;
			for (var backend : last.entrySet()) {
				var from = first.getOrDefault(backend.getKey(), Sample.NONE);
				var to = backend.getValue();
				ticks += to.ticks() - from.ticks();
				switches += to.switches() - from.switches();
				writesKnown &= to.writes() >= 0 && from.writes() >= 0;
				writes += to.writes() - from.writes();
			}
			var throughout = 0;
			for (var backend : end.backends().keySet()) {
				if (first.containsKey(backend)) {
					throughout++;
				}
			}
			var endsOnly = end.backends().values().stream().mapToLong(Sample::ticks).sum()
					- first.values().stream().mapToLong(Sample::ticks).sum();
			// started: seen, but not at the first look; ended: seen, but not at the last (both for one that did both)
			return new Spent(ticks, switches, writesKnown ? writes : -1, end.backends().size(), throughout,
					last.size() - first.size(), last.size() - end.backends().size(), endsOnly);
		}

	}

	/**
	 * Starts a window at {@code first} for the backends of {@code database}, children of the server's {@code
	 * postmaster}: a daemon thread looks at them every {@link #EVERY_MILLIS} ms until {@link Watch#end}.
	 */
	static Watch watch(Look first, int postmaster, String database) {
		var watch = new Watch(new Window(first), postmaster, database);
		if (postmaster > 0) {
			watch.thread.start();
		}
		return watch;
	}

	/** A window with its looking thread. */
	static final class Watch {

		private final Window window;

		private final int postmaster;

		private final String database;

		/** The start time of each backend seen that serves the database, by pid (a backend's database never changes). */
		private final Map<Integer, Long> serving = new HashMap<>();

		/**
		 * The pids of the postmaster's other children, not read again (so the looks stay cheap on a shared server; a
		 * pid the kernel gives to a new backend of the database within the window is then read at its last look only).
		 */
		private final Set<Integer> others = new HashSet<>();

		private final Thread thread;

		private volatile boolean ending;

		private Watch(Window window, int postmaster, String database) {
			this.window = window;
			this.postmaster = postmaster;
			this.database = database;
			this.thread = new Thread(this::run, "backend-cpu-watch");
			this.thread.setDaemon(true);
		}

		/** Stops looking; answers what the backends spent up to {@code last}. */
		Spent end(Look last) throws InterruptedException {
			ending = true;
			thread.interrupt();
			if (postmaster > 0) {
				thread.join();
			}
			return window.end(last);
		}

		private void run() {
			var children = Path.of("/proc/" + postmaster + "/task/" + postmaster + "/children");
			while (!ending) {
				try {
					Thread.sleep(EVERY_MILLIS);
				}
				catch (InterruptedException e) {
					return;
				}
				try {
					var backends = new HashMap<Key, Sample>();
					for (var pid : Files.readString(children).trim().split(" ")) {
						if (pid.isEmpty()) {
							continue;
						}
						var child = Integer.parseInt(pid);
						if (others.contains(child)) {
							continue;
						}
						var read = read(child);
						if (read.isEmpty()) {
							continue;
						}
						var key = read.get().key();
						if (!Long.valueOf(key.started()).equals(serving.get(child))) {
							if (!serves(child)) {
								serving.remove(child);
								others.add(child);
								continue;
							}
							serving.put(child, key.started());
						}
						backends.put(key, read.get().sample());
					}
					window.saw(new Look(backends));
				}
				catch (Exception e) {
					// the server is not on this machine, or /proc lists no children: the two ends alone then
					return;
				}
			}
		}

		/** Whether the process's title ({@code postgres: [cluster: ]user database host(port) state}) names the database. */
		private boolean serves(int pid) {
			try {
				var title = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ').trim();
				return databaseOfTitle(title).filter(database::equals).isPresent();
			}
			catch (Exception e) {
				return false;
			}
		}

	}

	/** The database a backend's process title names, if it is a client backend's title. */
	static Optional<String> databaseOfTitle(String title) {
		if (!title.startsWith("postgres: ")) {
			return Optional.empty();
		}
		var words = title.substring("postgres: ".length()).trim().split(" +");
		var at = words.length > 0 && words[0].endsWith(":") ? 1 : 0;
		var client = words.length > at + 2 && (words[at + 2].contains("(") || words[at + 2].equals("[local]"));
		return client ? Optional.of(words[at + 1]) : Optional.empty();
	}

	private record Read(Key key, Sample sample) {
	}

	private static Optional<Read> read(int pid) {
		try {
			var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			long started = Long.parseLong(fields[19]);
			long switches = -1;
			for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("voluntary_ctxt_switches:")) {
					switches = Long.parseLong(line.substring(24).trim());
				}
			}
			long writes = -1;
			try {
				for (var line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
					if (line.startsWith("syscw:")) {
						writes = Long.parseLong(line.substring(6).trim());
					}
				}
			}
			catch (Exception e) {
				// not readable unless the bench runs as root or as the server's user
			}
			return Optional.of(new Read(new Key(pid, started), new Sample(ticks, switches, writes)));
		}
		catch (Exception e) {
			return Optional.empty();
		}
	}

	/** The parent of a server process: the postmaster; 0 if unknown. */
	static int parentOf(int pid) {
		try {
			var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
		}
		catch (Exception e) {
			return 0;
		}
	}

}
