package io.grassroots.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a latency stall of the fixed-rate step coincided with, measured where it can be measured honestly: the
 * server's stop-the-world pauses (its safepoint log, {@code -Xlog:safepoint} with wall-clock milliseconds), the
 * bench database's backends and PostgreSQL's checkpointer and autovacuum (pg_stat_activity every 100 ms), the host's
 * CPU pressure (/proc/pressure/cpu: the share of time at least one runnable task waited for a core), how long the
 * server's threads waited for a core (the run-queue wait of /proc/&lt;pid&gt;/task/*&#47;schedstat) and the bench
 * JVM's own hiccups (how late a thread that sleeps 1 ms wakes up: a stall of the load generator or of the host), and
 * the host's disk ({@link Disk}: I/O pressure, the page cache's dirty and writeback data, the bytes written).
 * A stall is a run of requests, each more than {@link #STALL_MS} late at its answer (latency from when it was due),
 * whose intervals from due to answer overlap.
 */
final class StallProbe {

	static final double STALL_MS = 50;

	private static final Pattern SAFEPOINT = Pattern
		.compile("\\[(\\d+)ms\\] Safepoint \"([^\"]+)\".*Reaching safepoint: (\\d+) ns.*Total: (\\d+) ns");

	private static final Path PRESSURE = Path.of("/proc/pressure/cpu");

	private final String adminUrl;

	private final String user;

	private final String database;

	private final Path safepointLog;

	private final long serverPid;

	private final List<Sample> samples = new ArrayList<>();

	private final TreeMap<Long, Long> hiccups = new TreeMap<>(); // 100 ms bucket (epoch ms / 100) → max oversleep µs

	private volatile boolean running;

	private Thread sampler;

	private Thread hiccup;

	private long startMs;

	/** The cluster's WAL and buffer-write counters at the step's start and end (null where they could not be read). */
	private long[] writesBefore;

	private long[] writesAfter;

	/**
	 * {@code safepointLog} null and {@code serverPid} 0: a step without the server (raw's fixed-rate step,
	 * {@code --fixed-raw}); its lines then leave out the server's pauses and run-queue waits, and the idle server's CPU
	 * counts among the host's other processes.
	 */
	StallProbe(String adminUrl, String user, String database, Path safepointLog, long serverPid) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.database = database;
		this.safepointLog = safepointLog;
		this.serverPid = serverPid;
	}

	/** The server JVM's options that write the safepoint log this probe reads. */
	static List<String> serverOptions(Path safepointLog) {
		return List.of("-Xlog:gc,safepoint:file=" + safepointLog.toAbsolutePath() + ":timemillis");
	}

	/**
	 * One sample of PostgreSQL and the host, at a wall-clock instant; {@code cpuNs}: CPU nanoseconds so far per
	 * consumer (see {@link #cpuByConsumer}).
	 */
	private record Sample(long atMs, Map<String, Integer> waits, String checkpointer, boolean autovacuum,
			long pressureUs, long serverWaitNs, Map<String, Long> cpuNs, Map<String, Long> waitNs, Disk disk) {
	}

	/**
	 * The host's disk at an instant: microseconds so far in which some task waited for I/O (/proc/pressure/io, -1
	 * without PSI), the page cache's dirty and under-writeback kilobytes (/proc/meminfo) and the sectors written to the
	 * whole disks so far (/proc/diskstats). A commit's WAL flush that waits behind the kernel writing back data pages
	 * shows as I/O pressure and writeback with the backends in {@code IO:WALSync}.
	 */
	record Disk(long ioPressureUs, long dirtyKb, long writebackKb, long sectorsWritten) {

		private static final Pattern WHOLE_DISK = Pattern.compile("vd[a-z]+|sd[a-z]+|xvd[a-z]+|nvme\\d+n\\d+");

		static Disk now() {
			var io = -1L;
			try {
				var line = Files.readAllLines(Path.of("/proc/pressure/io")).get(0);
				io = Long.parseLong(line.substring(line.indexOf("total=") + 6).trim());
			}
			catch (IOException | RuntimeException e) {
				// no PSI
			}
			var dirty = -1L;
			var writeback = -1L;
			var sectors = -1L;
			try {
				for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
					if (line.startsWith("Dirty:")) {
						dirty = kb(line);
					}
					else if (line.startsWith("Writeback:")) {
						writeback = kb(line);
					}
				}
				sectors = 0;
				for (var line : Files.readAllLines(Path.of("/proc/diskstats"))) {
					var f = line.trim().split("\\s+");
					if (f.length > 9 && WHOLE_DISK.matcher(f[2]).matches()) {
						sectors += Long.parseLong(f[9]);
					}
				}
			}
			catch (IOException | RuntimeException e) {
				// not Linux
			}
			return new Disk(io, dirty, writeback, sectors);
		}

		private static long kb(String line) {
			return Long.parseLong(line.replaceAll("[^0-9]", ""));
		}

	}

	void start() {
		writesBefore = writes();
		running = true;
		startMs = System.currentTimeMillis();
		sampler = new Thread(this::sample, "stall-sampler");
		sampler.setDaemon(true);
		sampler.start();
		hiccup = new Thread(this::hiccups, "stall-hiccup");
		hiccup.setDaemon(true);
		hiccup.start();
	}

	void stop() throws InterruptedException {
		running = false;
		sampler.join();
		hiccup.join();
		writesAfter = writes();
	}

	/**
	 * The cluster's counters of what it wrote (pg_stat_wal, pg_stat_bgwriter; PostgreSQL 14 and later): WAL bytes,
	 * full-page images, checkpoints started by time and requested (by WAL volume or by a command), and the buffers
	 * written by the checkpointer, the background writer and the backends themselves (a backend's write has no flush
	 * hint with the stock {@code backend_flush_after = 0}: it waits in the page cache for the kernel's writeback). For
	 * the whole cluster: on a shared server other databases count too.
	 */
	private long[] writes() {
		try (Connection c = DriverManager.getConnection(adminUrl, user, "");
				var rs = c.createStatement().executeQuery("""
						select w.wal_bytes::bigint, w.wal_fpi, b.checkpoints_timed, b.checkpoints_req,
						b.buffers_checkpoint, b.buffers_clean, b.buffers_backend
						from pg_stat_wal w, pg_stat_bgwriter b""")) {
			rs.next();
			var values = new long[7];
			for (var i = 0; i < values.length; i++) {
				values[i] = rs.getLong(i + 1);
			}
			return values;
		}
		catch (SQLException e) {
			return null;
		}
	}

	/** The step's WAL and buffer writes per request, and the checkpoints that started in it; empty if not read. */
	private String writesPerRequest(int requests) {
		if (writesBefore == null || writesAfter == null || requests == 0) {
			return "";
		}
		var d = new long[writesBefore.length];
		for (var i = 0; i < d.length; i++) {
			d[i] = writesAfter[i] - writesBefore[i];
		}
		return String.format(Locale.ROOT,
				"             PostgreSQL wrote over the step (whole cluster): WAL %.1f MB, %.2f KB and %.2f full-page images "
						+ "per request; checkpoints started %d by time, %d requested (WAL volume or command); buffers "
						+ "written %.2f per request by the checkpointer, %.2f by the background writer, %.2f by backends%n",
				d[0] / 1e6, d[0] / 1024.0 / requests, d[1] / (double) requests, d[2], d[3], d[4] / (double) requests,
				d[5] / (double) requests, d[6] / (double) requests);
	}

	private void sample() {
		try (Connection c = DriverManager.getConnection(adminUrl, user, "");
				var ps = c.prepareStatement("""
						select backend_type, datname, coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-'),
						datname = ? and state = 'active' and pid <> pg_backend_pid(), pid
						from pg_stat_activity""")) {
			ps.setString(1, database);
			while (running) {
				var at = System.currentTimeMillis();
				var waits = new TreeMap<String, Integer>();
				var checkpointer = "?";
				var autovacuum = false;
				var postgres = new LinkedHashMap<Long, String>();
				try (var rs = ps.executeQuery()) {
					while (rs.next()) {
						var type = rs.getString(1);
						var datname = rs.getString(2);
						postgres.put(rs.getLong(5), "client backend".equals(type)
								? (database.equals(datname) ? "bench database's backends" : "other databases' backends")
								: type);
						if ("checkpointer".equals(type)) {
							checkpointer = rs.getString(3);
						}
						else if ("autovacuum worker".equals(type)) {
							autovacuum |= database.equals(datname);
						}
						else if (rs.getBoolean(4)) {
							waits.merge(rs.getString(3), 1, Integer::sum);
						}
					}
				}
				var cpu = new TreeMap<String, Long>();
				var queued = new TreeMap<String, Long>();
				cpuByConsumer(postgres, cpu, queued);
				var serverWait = queued.values().stream().mapToLong(Long::longValue).sum();
				synchronized (samples) {
					samples.add(new Sample(at, waits, checkpointer, autovacuum, pressure(), serverWait, cpu, queued,
							Disk.now()));
				}
				LockSupport.parkNanos(Math.max(1, 100 - (System.currentTimeMillis() - at)) * 1_000_000L);
			}
		}
		catch (SQLException e) {
			System.out.println("  stall sampler: " + e);
		}
	}

	/** Microseconds so far during which some runnable task waited for a core (-1 where the kernel has no PSI). */
	private static long pressure() {
		try {
			var line = Files.readAllLines(PRESSURE).get(0);
			return Long.parseLong(line.substring(line.indexOf("total=") + 6).trim());
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	/** Host CPU nanoseconds so far: user, nice, system, irq, softirq and steal of every core (/proc/stat). */
	static long hostCpuNs() {
		try {
			var f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			var jiffies = 0L;
			for (var i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				jiffies += Long.parseLong(f[i]);
			}
			return jiffies * 10_000_000L; // USER_HZ = 100
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	/**
	 * CPU nanoseconds so far per consumer: the server JVM's threads grouped by name ({@link #group}: "C2
	 * CompilerThre", "http-nio--", "intake-writer", "GC Thread#" …), the bench JVM, PostgreSQL's processes by kind
	 * (the bench database's backends, other databases' backends, checkpointer, walwriter …) and the host in all
	 * ({@link #HOST}); what the host spent beyond them is the other processes of the machine (other people's work,
	 * the kernel's threads). {@code serverWait}: nanoseconds so far that the server's threads, by group, were runnable
	 * but waited for a core (the run-queue wait of /proc/&lt;pid&gt;/task/*&#47;schedstat; threads that ended drop
	 * out, so only differences over short windows count).
	 */
	private void cpuByConsumer(Map<Long, String> postgres, Map<String, Long> cpu, Map<String, Long> serverWait) {
		if (serverPid > 0) {
			threads(serverPid, (name, onCpu, waiting) -> {
				cpu.merge("server " + group(name), onCpu, Long::sum);
				serverWait.merge(group(name), waiting, Long::sum);
			});
		}
		threads(ProcessHandle.current().pid(), (name, onCpu, waiting) -> cpu.merge(BENCH, onCpu, Long::sum));
		postgres.forEach((pid, kind) -> {
			var ns = schedstat(Path.of("/proc", Long.toString(pid), "schedstat"));
			if (ns != null) {
				cpu.merge("PostgreSQL " + kind, ns[0], Long::sum);
			}
		});
		cpu.put(HOST, hostCpuNs());
	}

	/**
	 * A thread's group: its name (Linux keeps 15 characters) without the numbers that tell a pool's threads apart
	 * ("http-nio-41234-exec-7" → "http-nio--", "GC Thread#1" → "GC Thread#"); "C1 CompilerThre" and "C2 CompilerThre"
	 * stay apart.
	 */
	static String group(String name) {
		return name.replaceAll("(?<=[#-])[0-9]+|[0-9]+$", "").trim();
	}

	static final String HOST = "host";

	static final String BENCH = "bench JVM";

	private interface ThreadCpu {

		void add(String name, long onCpuNs, long waitingNs);

	}

	private static void threads(long pid, ThreadCpu each) {
		try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (var task : (Iterable<Path>) tasks::iterator) {
				try {
					var ns = schedstat(task.resolve("schedstat"));
					if (ns != null) {
						each.add(Files.readString(task.resolve("comm")).trim(), ns[0], ns[1]);
					}
				}
				catch (IOException | RuntimeException ended) {
					// the thread ended
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// the process ended
		}
	}

	/** A task's nanoseconds on a core and runnable but waiting for one, so far; null if it ended. */
	private static long[] schedstat(Path schedstat) {
		try {
			var f = Files.readString(schedstat).trim().split(" ");
			return new long[] { Long.parseLong(f[0]), Long.parseLong(f[1]) };
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private void hiccups() {
		while (running) {
			var before = System.nanoTime();
			LockSupport.parkNanos(1_000_000L);
			var late = (System.nanoTime() - before - 1_000_000L) / 1000;
			var bucket = System.currentTimeMillis() / 100;
			synchronized (hiccups) {
				hiccups.merge(bucket, late, Math::max);
			}
		}
	}

	/** A stop-the-world pause of the server: when it ended, how long it took in all and to reach the safepoint. */
	private record Pause(long endMs, double totalMs, double reachingMs, String cause) {

		double overlapMs(double from, double to) {
			return Math.max(0, Math.min(to, endMs) - Math.max(from, endMs - totalMs));
		}

	}

	private List<Pause> pauses() {
		var pauses = new ArrayList<Pause>();
		if (safepointLog == null) {
			return pauses;
		}
		try {
			for (var line : Files.readAllLines(safepointLog)) {
				var m = SAFEPOINT.matcher(line);
				if (m.find()) {
					pauses.add(new Pause(Long.parseLong(m.group(1)), Long.parseLong(m.group(4)) / 1e6,
							Long.parseLong(m.group(3)) / 1e6, m.group(2)));
				}
			}
		}
		catch (IOException e) {
			// no log: the server was started without it
		}
		return pauses;
	}

	/** A request of the step: when it was due and when it was answered (epoch milliseconds, fractional). */
	record Request(double dueMs, double answeredMs) {

		double latencyMs() {
			return answeredMs - dueMs;
		}

	}

	/** The step's stalls and what each coincided with, and the step's own totals for comparison: lines to print. */
	String report(List<Request> requests) {
		var out = new StringBuilder();
		var endMs = System.currentTimeMillis();
		var pauses = pauses().stream().filter(p -> p.endMs() >= startMs && p.endMs() - p.totalMs() <= endMs).toList();
		List<Sample> samples;
		synchronized (this.samples) {
			samples = List.copyOf(this.samples);
		}
		var late = requests.stream()
			.filter(r -> r.latencyMs() > STALL_MS)
			.sorted(Comparator.comparingDouble(Request::dueMs))
			.toList();
		var stalls = new ArrayList<double[]>(); // from, to, requests, max latency
		for (var r : late) {
			var last = stalls.isEmpty() ? null : stalls.get(stalls.size() - 1);
			if (last != null && r.dueMs() <= last[1]) {
				last[1] = Math.max(last[1], r.answeredMs());
				last[2]++;
				last[3] = Math.max(last[3], r.latencyMs());
			}
			else {
				stalls.add(new double[] { r.dueMs(), r.answeredMs(), 1, r.latencyMs() });
			}
		}
		var max = requests.stream().mapToDouble(Request::latencyMs).max().orElse(Double.NaN);
		out.append(String.format(Locale.ROOT,
				"             stalls (step from %s): max latency %.1f ms; %d of %d requests > %.0f ms in %d stall(s); over the "
						+ "step: %s%n",
				java.time.Instant.ofEpochMilli(startMs), max, late.size(), requests.size(), STALL_MS, stalls.size(),
				describe(startMs, endMs, pauses, samples)));
		out.append(writesPerRequest(requests.size()));
		stalls.sort(Comparator.comparingDouble((double[] s) -> s[3]).reversed());
		for (var s : stalls.subList(0, Math.min(5, stalls.size()))) {
			out.append(String.format(Locale.ROOT,
					"             stall at +%.1f s, %.0f ms long, %d requests, worst %.0f ms: %s%n", (s[0] - startMs) / 1000,
					s[1] - s[0], (int) s[2], s[3], describe(s[0], s[1], pauses, samples)));
		}
		return out.toString();
	}

	/** The groups whose counter grew by at least 0.05 of the wall time between two samples, largest first. */
	private static String perWall(Map<String, Long> first, Map<String, Long> last, long wallMs) {
		var text = last.entrySet()
			.stream()
			.map(e -> Map.entry(e.getKey(), Math.max(0, e.getValue() - first.getOrDefault(e.getKey(), e.getValue())) / (wallMs * 1e6)))
			.filter(e -> e.getValue() >= 0.05)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
			.collect(Collectors.joining(", "));
		return text.isEmpty() ? "none ≥ 0.05" : text;
	}

	/**
	 * Cores used between two samples: in all by the run's own processes (the server, the bench database's backends,
	 * the bench JVM) and by the rest of the host, then each consumer that used at least 0.05 of a core, largest first.
	 * A thread group or process that started or ended between the samples counts only from or to the sample where it
	 * was seen.
	 */
	private static String coresUsed(Sample first, Sample last) {
		var wallNs = (last.atMs() - first.atMs()) * 1e6;
		var used = new LinkedHashMap<String, Double>();
		double server = 0, benchDatabase = 0, bench = 0, all = 0;
		for (var e : last.cpuNs().entrySet()) {
			if (e.getKey().equals(HOST)) {
				continue;
			}
			var cores = Math.max(0, e.getValue() - first.cpuNs().getOrDefault(e.getKey(), e.getValue())) / wallNs;
			all += cores;
			if (e.getKey().startsWith("server ")) {
				server += cores;
			}
			else if (e.getKey().equals(BENCH)) {
				bench += cores;
			}
			else if (e.getKey().equals("PostgreSQL bench database's backends")) {
				benchDatabase += cores;
			}
			used.put(e.getKey(), cores);
		}
		var host = (last.cpuNs().get(HOST) - first.cpuNs().get(HOST)) / wallNs;
		var top = used.entrySet()
			.stream()
			.filter(e -> e.getValue() >= 0.05)
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
			.collect(Collectors.joining(", "));
		return String.format(Locale.ROOT,
				"ours %.2f (server %.2f, bench database %.2f, bench JVM %.2f), other PostgreSQL work %.2f, other "
						+ "processes %.2f, host %.2f; by consumer: %s",
				server + benchDatabase + bench, server, benchDatabase, bench, all - server - benchDatabase - bench,
				Math.max(0, host - all), host, top.isEmpty() ? "none" : top);
	}

	/** What happened between two instants: server pauses, PostgreSQL, host CPU pressure, bench hiccups. */
	private String describe(double from, double to, List<Pause> pauses, List<Sample> samples) {
		var in = pauses.stream().filter(p -> p.overlapMs(from, to) > 0).toList();
		var paused = in.stream().mapToDouble(p -> p.overlapMs(from, to)).sum();
		var longest = in.stream().max(Comparator.comparingDouble(Pause::totalMs));
		var text = new StringBuilder();
		if (safepointLog == null) {
			text.append("no server in the step");
		}
		else {
			text.append(String.format(Locale.ROOT, "server paused %.1f ms in %d safepoint(s)", paused, in.size()));
			longest.ifPresent(p -> text.append(String.format(Locale.ROOT, " (longest %.1f ms %s, %.1f ms to reach it)",
					p.totalMs(), p.cause(), p.reachingMs())));
		}
		// samples from 100 ms before the window (a wait already under way) to its end
		var window = samples.stream().filter(x -> x.atMs() >= from - 100 && x.atMs() <= to).toList();
		if (!window.isEmpty()) {
			var waits = new LinkedHashMap<String, Integer>();
			window.forEach(x -> x.waits().forEach((k, v) -> waits.merge(k, v, Integer::sum)));
			var top = waits.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
				.limit(4)
				.map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / (double) window.size()))
				.collect(Collectors.joining(", "));
			var checkpointing = window.stream()
				.filter(x -> !x.checkpointer().endsWith("CheckpointerMain") && !x.checkpointer().equals("?"))
				.count();
			var autovacuum = window.stream().filter(Sample::autovacuum).count();
			text.append(String.format(Locale.ROOT,
					"; PostgreSQL (%d samples): active backends by wait %s; checkpoint under way in %d%%, autovacuum of "
							+ "the bench database in %d%%",
					window.size(), top.isEmpty() ? "none" : top, 100 * checkpointing / window.size(),
					100 * autovacuum / window.size()));
			var first = window.get(0);
			var last = window.get(window.size() - 1);
			if (first.pressureUs() >= 0 && last.atMs() > first.atMs()) {
				text.append(String.format(Locale.ROOT, "; host CPU pressure %.0f%%",
						100.0 * (last.pressureUs() - first.pressureUs()) / ((last.atMs() - first.atMs()) * 1000.0)));
			}
			if (first.disk().ioPressureUs() >= 0 && last.atMs() > first.atMs()) {
				// the disk: what waited for it, what the kernel had to write back, and what it wrote
				text.append(String.format(Locale.ROOT,
						"; host I/O pressure %.0f%%, dirty at most %.0f MB, under writeback at most %.0f MB, disk written "
								+ "%.1f MB/s",
						100.0 * (last.disk().ioPressureUs() - first.disk().ioPressureUs())
								/ ((last.atMs() - first.atMs()) * 1000.0),
						window.stream().mapToLong(x -> x.disk().dirtyKb()).max().orElse(0) / 1024.0,
						window.stream().mapToLong(x -> x.disk().writebackKb()).max().orElse(0) / 1024.0,
						(last.disk().sectorsWritten() - first.disk().sectorsWritten()) * 512.0 / 1e6
								/ ((last.atMs() - first.atMs()) / 1000.0)));
			}
			if (serverPid > 0 && first.serverWaitNs() >= 0 && last.atMs() > first.atMs()) {
				// the server's threads' run-queue wait per wall-clock time: how many of them waited for a core
				text.append(String.format(Locale.ROOT, "; server threads waiting for a core %.2f on average (%s)",
						Math.max(0, last.serverWaitNs() - first.serverWaitNs()) / ((last.atMs() - first.atMs()) * 1e6),
						perWall(first.waitNs(), last.waitNs(), last.atMs() - first.atMs())));
			}
			if (last.atMs() > first.atMs()) {
				text.append("; cores used: ").append(coresUsed(first, last));
			}
		}
		long hiccup;
		synchronized (hiccups) {
			hiccup = hiccups.subMap((long) from / 100, true, (long) to / 100, true)
				.values()
				.stream()
				.mapToLong(Long::longValue)
				.max()
				.orElse(0);
		}
		text.append(String.format(Locale.ROOT, "; bench JVM hiccup max %.1f ms", hiccup / 1000.0));
		return text.toString();
	}

}
