package io.grassroots.bench.lifecycle;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The full-lifecycle benchmark (TARGETS.md, "full lifecycle" and "storage and write cost"): the product's own
 * service API against hand-written minimal JDBC and against Flowable 7, on the same PostgreSQL server in the same
 * run. Prints lifecycles per second with one and with several threads (rounds interleaved, medians), statements, WAL
 * bytes and commits per lifecycle, stored bytes per case, and the ratios. See bench/README.md.
 */
public final class LifecycleBench {

	/**
	 * Set around the cost phase with {@code -Dbench.readBackInCost=true}: ours and raw read each finished case once by
	 * id after its evaluation (an index scan's heap fetch, which prunes the page when it has < 10 % free), as a
	 * tracking page shown again after the rating would (wal7, decision 0022).
	 */
	static volatile boolean readBackInCost;

	private final Options options;

	private final Postgres postgres;

	private final AtomicLong sequence = new AtomicLong();

	/** CPU time of the driving threads (nanoseconds), summed over every {@link #drive}. */
	private final AtomicLong drivingCpu = new AtomicLong();

	/** Bytes allocated by the driving threads, summed over every {@link #drive} (exact, whatever the load). */
	private final AtomicLong drivingAllocated = new AtomicLong();

	/** The driving threads' own run-queue wait and context switches, summed over every {@link #drive}. */
	private JvmThreads.Thread drivingThreads = new JvmThreads.Thread(JvmThreads.DRIVING, 0, 0, 0, 0);

	private final Map<String, Long> driven = new LinkedHashMap<>();

	private final Map<String, Long> sizeAtStart = new LinkedHashMap<>();

	/**
	 * Every loop's database: each is vacuumed before a measured phase, not only the measured loop's, since the WAL is
	 * the whole server's and an autovacuum of another loop's database in the phase would be charged to this one (seen
	 * in the images by relation: 0.8 of raw's 1.65 images per lifecycle were ours' pages, wal3).
	 */
	private final List<String> databases = new ArrayList<>();

	/** The JIT's compilations and deoptimisations, with {@code --jit true}. */
	private JitEvents jit;

	/** The command line, for the JVMs of {@code --jvm per-loop}. */
	private final String[] args;

	private LifecycleBench(Options options, String[] args) {
		this.options = options;
		this.args = args;
		this.postgres = new Postgres(options.server, options.user);
	}

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		var bench = new LifecycleBench(options, args);
		bench.run();
		System.exit(0);
	}

	private void run() throws Exception {
		postgres.statementsAvailable = postgres.statementsAvailable();
		postgres.walInspectAvailable = postgres.walInspectAvailable();
		if (!options.serve.isEmpty()) {
			jit = options.jit ? new JitEvents(options.jitList) : null;
			serve(newLoop(options.serve));
			return;
		}
		header();
		System.out.printf("WAL settings: checkpoint_timeout %s, max_wal_size %s, wal_compression %s, full_page_writes %s; "
				+ "pg_walinspect %s%n", postgres.setting("checkpoint_timeout"), postgres.setting("max_wal_size"),
				postgres.setting("wal_compression"), postgres.setting("full_page_writes"),
				postgres.walInspectAvailable ? "available (records and images in bytes)" : "not available (counts only)");
		// with --jvm per-loop each loop's JVM watches its own JIT
		jit = options.jit && !options.perLoop() ? new JitEvents(options.jitList) : null;
		var loops = new ArrayList<Loop>();
		for (var name : options.only) {
			loops.add(options.perLoop() ? new OtherJvm(name, database(name), args) : newLoop(name));
		}
		try {
			loops.forEach(l -> databases.add(l.database()));
			for (var loop : loops) {
				if (loop instanceof OtherJvm other) {
					other.start();
				}
				else {
					prepare(loop);
				}
			}
			var costs = new LinkedHashMap<String, Cost>();
			for (var loop : loops) {
				costs.put(loop.name(), loop instanceof OtherJvm other ? Cost.of(other.ask("cost")) : cost(loop));
			}
			var steady = new LinkedHashMap<String, Postgres.WalSplit>();
			var steadySeconds = options.steadySeconds < 0 ? postgres.checkpointTimeoutSeconds() : options.steadySeconds;
			for (var loop : steadySeconds == 0 ? List.<Loop>of()
					: loops.stream().filter(l -> options.steadyOnly.isEmpty() || options.steadyOnly.contains(l.name())).toList()) {
				steady.put(loop.name(), loop instanceof OtherJvm other ? split(other.ask("steady " + steadySeconds))
						: steady(loop, steadySeconds));
			}
			var rates = new LinkedHashMap<String, List<Double>>();
			for (var round = 1; round <= options.rounds; round++) {
				for (var threads : options.threads) {
					for (var loop : loops) {
						var rate = loop instanceof OtherJvm other ? other.ask("round " + round + " " + threads)[0]
								: watched(loop, threads, options.cases, "round " + round);
						rates.computeIfAbsent(loop.name() + "@" + threads, k -> new ArrayList<>()).add(rate);
						System.out.printf("round %d  %-9s %d thread(s): %,9.1f lifecycles/s  (%d lifecycles; %s)%n",
								round, loop.name(), threads, rate, options.cases, load());
					}
				}
			}
			for (var loop : loops) {
				if (loop instanceof OtherJvm other) {
					var size = other.ask("size");
					sizeAtStart.put(loop.name(), (long) size[0]);
					driven.put(loop.name(), (long) size[1]);
				}
			}
			summary(loops, rates, costs, steady, steadySeconds);
			System.out.println();
			for (var loop : loops) {
				System.out.printf("%-9s check: %s (%,d lifecycles driven)%n", loop.name(), loop.check(),
						driven.get(loop.name()));
			}
		}
		finally {
			for (var loop : loops) {
				loop.close();
			}
			if (jit != null) {
				jit.close();
			}
		}
	}

	private Loop newLoop(String name) {
		return switch (name) {
			case "ours" -> new OurLoop(postgres, database(name), options.points);
			case "raw" -> new RawLoop(postgres, database(name), options.maxThreads() + 2, options.points);
			case "flowable" -> new FlowableLoop(postgres, database(name), options.maxThreads() + 2, options.points);
			default -> throw new IllegalArgumentException("unknown loop " + name);
		};
	}

	/** Ours' database, {@code bench_lifecycle} (or {@code -Dbench.lifecycle.database=…}); raw's and Flowable's add {@code _raw}, {@code _flowable}. */
	private static String database(String loop) {
		var ours = System.getProperty("bench.lifecycle.database", "bench_lifecycle");
		return "ours".equals(loop) ? ours : ours + "_" + loop;
	}

	/** Creates the loop's database, starts the loop and warms it up on every thread count. */
	private void prepare(Loop loop) throws Exception {
		postgres.recreate(loop.database());
		var started = System.nanoTime();
		loop.start();
		System.out.printf("%-9s started in %.1f s%n", loop.name(), (System.nanoTime() - started) / 1e9);
		postgres.vacuumFull(loop.database());
		sizeAtStart.put(loop.name(), postgres.counters(loop.database()).databaseBytes());
		var warmed = new ArrayList<String>();
		for (var threads : options.threads) {
			warmed.add(threads + " thread(s) " + warmUp(loop, threads));
		}
		System.out.printf("%-9s warmed up: %s lifecycles (%s)%n", loop.name(), String.join(", ", warmed), load());
	}

	/**
	 * {@code --serve <loop>}: this JVM runs one loop for a parent started with {@code --jvm per-loop} ({@link OtherJvm}):
	 * prepares it, then runs the phases the parent names on standard input, one a line, and answers each phase's
	 * figures on a line of their own.
	 */
	private void serve(Loop loop) throws Exception {
		// every loop's database is vacuumed before a measured phase, as in one JVM
		options.only.forEach(name -> databases.add(database(name)));
		try {
			System.out.printf("%-9s runs in a JVM of its own (pid %d)%n", loop.name(), ProcessHandle.current().pid());
			prepare(loop);
			answer("");
			var input = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
					java.nio.charset.StandardCharsets.UTF_8));
			String line;
			while ((line = input.readLine()) != null && !"exit".equals(line)) {
				var words = line.split(" ");
				switch (words[0]) {
					case "cost" -> answer(cost(loop).figures());
					case "steady" -> answer(figures(steady(loop, Long.parseLong(words[1]))));
					case "round" -> answer(String.valueOf(watched(loop, Integer.parseInt(words[2]), options.cases,
							"round " + words[1])));
					case "size" -> answer(sizeAtStart.get(loop.name()) + " " + driven.get(loop.name()));
					case "check" -> answer(loop.check() + ", in a JVM of its own");
					default -> throw new IllegalArgumentException("unknown phase " + line);
				}
			}
		}
		finally {
			loop.close();
		}
	}

	private static void answer(String figures) {
		System.out.println(OtherJvm.ANSWER + figures);
		System.out.flush();
	}

	private static String figures(Postgres.WalSplit split) {
		return split.records() + " " + split.images() + " " + split.recordBytes() + " " + split.imageBytes() + " "
				+ split.bytes() + " " + split.checkpoints() + " " + split.slices();
	}

	/** A child's WAL split (its lines were printed by the child). */
	private static Postgres.WalSplit split(double[] f) {
		return new Postgres.WalSplit(f[0], f[1], f[2], f[3], f[4], (long) f[5], List.of(), List.of(), (int) f[6]);
	}

	/**
	 * Warms {@code loop} up on {@code threads} threads (decision 0021): {@code --warmup} lifecycles, the last
	 * {@link #SETTLE_CHUNK} of them watched; then, with {@code --settle true} (the default), further chunks of
	 * {@link #SETTLE_CHUNK} while the JIT's compiler threads took {@link #SETTLE_SHARE} or more of the bench JVM's CPU
	 * in the last chunk, at most {@code --settle-max} more. The same rule for every loop. Answers the lifecycles driven.
	 */
	private long warmUp(Loop loop, int threads) throws Exception {
		var watchedPart = options.settle ? Math.min(SETTLE_CHUNK, options.warmup) : 0;
		watched(loop, threads, options.warmup - watchedPart, "warm-up");
		if (watchedPart == 0) {
			return options.warmup;
		}
		var total = options.warmup - watchedPart;
		var chunk = watchedPart;
		while (true) {
			var before = JvmThreads.take();
			drive(loop, threads, chunk);
			var after = JvmThreads.take();
			total += chunk;
			var share = JvmThreads.compilerShare(before, after);
			var quiet = share < SETTLE_SHARE;
			if (quiet || total - options.warmup >= options.settleMax) {
				System.out.printf("%-9s %d thread(s): the JIT's compilers took %.1f %% of the bench JVM's CPU over the last"
						+ " %d of %,d warm-up lifecycles: %s%n", loop.name(), threads, share * 100, chunk, total,
						quiet ? "settled" : "NOT settled, --settle-max reached");
				return total;
			}
			chunk = SETTLE_CHUNK;
		}
	}

	/** Lifecycles per watched chunk of the warm-up. */
	private static final long SETTLE_CHUNK = 500;

	/** The compiler threads' share of the bench JVM's CPU below which a loop counts as warmed up. */
	private static final double SETTLE_SHARE = 0.05;

	/**
	 * {@link #drive}; for a throughput round one line of where the CPU went per lifecycle (the bench JVM's by group of
	 * threads, the database's backends, context switches, run-queue waits, JIT compile time), and with {@code --jit
	 * true} for every phase the bench JVM's CPU thread by thread and the JIT's compilations and deoptimisations.
	 */
	private double watched(Loop loop, int threads, long count, String phase) throws Exception {
		var round = phase.startsWith("round");
		if (jit == null && !round) {
			return drive(loop, threads, count);
		}
		var from = Instant.now();
		if (round && options.top > 0) {
			postgres.reset();
		}
		var server = postgres.counters(loop.database());
		var watch = postgres.watchBackends(server, loop.database());
		var allocationsBefore = round ? JvmThreads.allocations() : null;
		var drivingBytes = drivingAllocated.get();
		var before = JvmThreads.take();
		var driving = drivingCpu.get();
		var drivingOwn = drivingThreads;
		var rate = drive(loop, threads, count);
		var after = JvmThreads.take();
		var allocationsAfter = round ? JvmThreads.allocations() : null;
		drivingBytes = drivingAllocated.get() - drivingBytes;
		driving = drivingCpu.get() - driving;
		drivingOwn = drivingThreads.minus(drivingOwn);
		var serverAfter = postgres.counters(loop.database());
		var backends = watch.end(serverAfter.backends());
		var to = Instant.now();
		if (round) {
			System.out.printf("          %s %s, %d thread(s), %s..%s, per lifecycle: statements %.1f, ROLLBACKs %.2f, commits %.2f; CPU: "
					+ "backends %.3f ms (%.1f voluntary switches; %s); %s%n", loop.name(), phase, threads, from, to,
					(serverAfter.statements() - server.statements()) / (double) count,
					(serverAfter.rollbacks() - server.rollbacks()) / (double) count,
					(serverAfter.commits() - server.commits()) / (double) count, backends.ticks() * 10.0 / count,
					backends.switches() / (double) count, backends,
					JvmThreads.compact(before, after, new JvmThreads.Thread("driving", driving, drivingOwn.waitNanos(),
							drivingOwn.voluntary(), drivingOwn.involuntary()), count));
			System.out.println("            " + JvmThreads.all(before, after, driving, count));
			System.out.println("            " + JvmThreads.allocated(allocationsBefore, allocationsAfter, drivingBytes, count));
			if (options.top > 0 && postgres.statementsAvailable) {
				postgres.slowestStatements(loop.database(), count, options.top)
					.forEach(l -> System.out.println("            " + l));
			}
		}
		if (jit == null) {
			return rate;
		}
		System.out.printf("%-9s %s, %d thread(s), %d lifecycles, per lifecycle:%n", loop.name(), phase, threads, count);
		JvmThreads.report(before, after, driving, count).forEach(l -> System.out.println("          " + l));
		jit.report(from, to).forEach(l -> System.out.println("          " + l));
		return rate;
	}

	/** Drives {@code count} lifecycles over {@code threads} threads; answers lifecycles per second (wall clock). */
	private double drive(Loop loop, int threads, long count) throws Exception {
		var left = new AtomicLong(count);
		var named = new AtomicLong();
		// named so that JvmThreads tells them from the product's threads (their CPU is counted as the driving threads')
		ExecutorService pool = Executors.newFixedThreadPool(threads,
				r -> new Thread(r, JvmThreads.DRIVING + named.incrementAndGet()));
		var sampler = options.waits && threads > 1 ? new WaitSampler(postgres, loop.database()) : null;
		try {
			var started = System.nanoTime();
			var futures = new ArrayList<Future<?>>();
			for (var t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					var threadCpu = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
					var cpu = threadCpu.getCurrentThreadCpuTime();
					var allocated = threadCpu.getCurrentThreadAllocatedBytes();
					var own = JvmThreads.self();
					while (left.getAndDecrement() > 0) {
						loop.lifecycle(sequence.incrementAndGet());
					}
					drivingCpu.addAndGet(threadCpu.getCurrentThreadCpuTime() - cpu);
					drivingAllocated.addAndGet(threadCpu.getCurrentThreadAllocatedBytes() - allocated);
					var spent = JvmThreads.self().minus(own);
					synchronized (this) {
						drivingThreads = drivingThreads.plus(spent);
					}
					return null;
				}));
			}
			for (var f : futures) {
				f.get();
			}
			var seconds = (System.nanoTime() - started) / 1e9;
			driven.merge(loop.name(), count, Long::sum);
			if (sampler != null) {
				System.out.printf("          %s, %d threads, what the active backends waited for: %s%n", loop.name(),
						threads, sampler.stop());
			}
			return count / seconds;
		}
		finally {
			pool.shutdownNow();
			if (sampler != null) {
				sampler.stop();
			}
		}
	}

	/** Statements, WAL and commits of {@code costCases} lifecycles on one thread, read from the server. */
	private Cost cost(Loop loop) throws Exception {
		databases.forEach(postgres::vacuum);
		// the room the VACUUM offers new case rows: old pages, each logged whole at its first change (a new row ≈ 530 B)
		postgres.caseRoom(loop.database(), 530).ifPresent(l -> System.out.println("          " + l));
		postgres.dumpCaseFreeSpace(loop.database());
		postgres.checkpoint();
		settle();
		postgres.reset();
		var before = postgres.counters(loop.database());
		var watch = postgres.watchBackends(before, loop.database());
		var walBefore = postgres.walCounters();
		var slices = postgres.slices(walBefore, options.walSlice);
		loop.steps().reset();
		var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		var from = Instant.now();
		var jvmThreads = JvmThreads.take();
		var processCpu = process.getProcessCpuTime();
		var threadCpu = drivingCpu.get();
		var allocated = drivingAllocated.get();
		readBackInCost = Boolean.getBoolean("bench.readBackInCost");
		var rate = drive(loop, 1, options.costCases);
		readBackInCost = false;
		var jvmThreadsAfter = JvmThreads.take();
		var to = Instant.now();
		allocated = drivingAllocated.get() - allocated;
		processCpu = process.getProcessCpuTime() - processCpu;
		threadCpu = drivingCpu.get() - threadCpu;
		var server = watch.end(postgres.counters(loop.database()).backends());
		settle();
		var after = postgres.counters(loop.database());
		var n = (double) options.costCases;
		var walAfter = postgres.walCounters();
		var wal = postgres.walSplit(walBefore, walAfter, n, options.walTop, slices);
		var counted = postgres.statementsAvailable;
		var cost = new Cost(counted ? (after.statements() - before.statements()) / n : Double.NaN,
				counted ? (after.utility() - before.utility()) / n : Double.NaN,
				counted ? (after.statementWal() - before.statementWal()) / n : Double.NaN,
				counted ? (after.fullPages() - before.fullPages()) / n : Double.NaN,
				postgres.walBytes(before.lsn(), after.lsn()) / n, (after.commits() - before.commits()) / n,
				(after.inserted() - before.inserted()) / n, (after.updated() - before.updated()) / n,
				(after.deleted() - before.deleted()) / n, wal);
		System.out.printf("%-9s cost of %d lifecycles on 1 thread: %s (%s)%n", loop.name(), options.costCases, cost,
				load());
		System.out.printf("          WAL right after the CHECKPOINT (pg_stat_wal, whole server; read in %d slice(s)): %s%n",
				wal.slices(), wal);
		wal.lines().forEach(l -> System.out.println("            " + l));
		wal.relations().forEach(l -> System.out.println("            " + l));
		System.out.printf("          the phase's WAL: %s to %s (for pg_waldump --start/--end)%n", walBefore.lsn(), walAfter.lsn());
		postgres.mapRelations(loop.database());
		postgres.mapRelations("postgres");
		var wall = 1000 / rate;
		var exec = counted ? (after.execMillis() - before.execMillis()) / n : Double.NaN;
		var client = threadCpu / 1e6 / n;
		System.out.printf("          time per lifecycle: wall %.2f ms = driving thread's CPU %.2f ms + server execution of the "
				+ "statements %.2f ms (pg_stat_statements) + the rest %.2f ms (round trips, parse/bind, commit flushes, "
				+ "waiting for a core); CPU: bench JVM %.2f ms, the database's server backends %.2f ms%n", wall, client,
				exec, wall - client - exec, processCpu / 1e6 / n, server.ticks() * 10.0 / n);
		System.out.printf("          allocated by the driving thread: %,.0f bytes per lifecycle%n", allocated / n);
		System.out.println("          the bench JVM's CPU per lifecycle by thread (/proc/self/task):");
		JvmThreads.report(jvmThreads, jvmThreadsAfter, threadCpu, n).forEach(l -> System.out.println("            " + l));
		if (jit != null) {
			jit.report(from, to).forEach(l -> System.out.println("            " + l));
		}
		System.out.printf("          backend waits (voluntary context switches: ≈ round trips + commit flushes) %.1f, system calls that write %.1f, WAL flushes "
				+ "(pg_stat_wal.wal_sync, whole server) %.1f per lifecycle (%s)%n",
				server.switches() / n, server.writes() / n, (after.walSyncs() - before.walSyncs()) / n, server);
		System.out.println("          updates so far (pg_stat_user_tables; not HOT = a new entry in every index):");
		postgres.hotUpdates(loop.database()).forEach(l -> System.out.println("            " + l));
		System.out.println("          wall time per step (driving thread):");
		loop.steps().report(options.costCases).forEach(l -> System.out.println("          " + l));
		if (options.top > 0 && postgres.statementsAvailable) {
			System.out.println("          statements per lifecycle, most frequent first:");
			postgres.topStatements(loop.database(), options.costCases, options.top)
				.forEach(l -> System.out.println("          " + l));
		}
		return cost;
	}

	/**
	 * The steady regime (decision 0022): one thread drives lifecycles for {@code seconds} (by default the server's
	 * {@code checkpoint_timeout}: one checkpoint interval) at {@code --steady-rate} lifecycles/s (0: as fast as it goes),
	 * starting at a checkpoint, so that every page is logged whole once per interval, as on a server that checkpoints
	 * on its schedule, and the images are shared by all the lifecycles of the interval. Answers WAL per lifecycle.
	 */
	private Postgres.WalSplit steady(Loop loop, long seconds) throws Exception {
		databases.forEach(postgres::vacuum);
		postgres.checkpoint();
		settle();
		var before = postgres.walCounters();
		var slices = postgres.slices(before, options.walSlice);
		var started = System.nanoTime();
		var end = started + seconds * 1_000_000_000L;
		long count = 0;
		while (System.nanoTime() < end) {
			loop.lifecycle(sequence.incrementAndGet());
			count++;
			if (options.steadyRate > 0) {
				var due = started + (long) (count * 1e9 / options.steadyRate);
				var wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
			}
		}
		var elapsed = (System.nanoTime() - started) / 1e9;
		driven.merge(loop.name(), count, Long::sum);
		settle();
		var wal = postgres.walSplit(before, postgres.walCounters(), count, options.walTop, slices);
		System.out.printf("%-9s steady: %,d lifecycles in %.0f s on 1 thread (%.1f/s), %d checkpoint(s) begun in the window, "
				+ "WAL read in %d slice(s): %s (%s)%n", loop.name(), count, elapsed, count / elapsed, wal.checkpoints(),
				wal.slices(), wal, load());
		wal.lines().forEach(l -> System.out.println("            " + l));
		wal.relations().forEach(l -> System.out.println("            " + l));
		return wal;
	}

	/**
	 * Waits until the server's backends have reported their row and transaction counters (PostgreSQL 15 flushes them
	 * at most once a second while busy, within ten seconds when idle); statements and WAL are exact without this.
	 */
	private static void settle() throws InterruptedException {
		Thread.sleep(11_000);
	}

	private void summary(List<Loop> loops, Map<String, List<Double>> rates, Map<String, Cost> costs,
			Map<String, Postgres.WalSplit> steady, long steadySeconds) {
		System.out.println();
		System.out.printf("== Summary: medians of %d rounds of %,d lifecycles each (%s) ==%n", options.rounds,
				options.cases, load());
		var header = new StringBuilder(String.format("%-34s", "figure"));
		loops.forEach(l -> header.append(String.format("%14s", l.name())));
		System.out.println(header);
		for (var threads : options.rounds == 0 ? List.<Integer>of() : options.threads) {
			var line = new StringBuilder(String.format("%-34s", "lifecycles/s, " + threads + " thread(s)"));
			loops.forEach(l -> line.append(String.format("%,14.1f", median(rates.get(l.name() + "@" + threads)))));
			System.out.println(line);
		}
		row(loops, "statements / lifecycle (all)", l -> costs.get(l).statements(), "%,14.1f");
		row(loops, "  of them BEGIN/COMMIT/SET/SHOW", l -> costs.get(l).utility(), "%,14.1f");
		row(loops, "  SQL statements without those", l -> costs.get(l).statements() - costs.get(l).utility(), "%,14.1f");
		row(loops, "transactions committed / lifecycle", l -> costs.get(l).commits(), "%,14.1f");
		row(loops, "rows inserted / lifecycle", l -> costs.get(l).inserted(), "%,14.1f");
		row(loops, "rows updated / lifecycle", l -> costs.get(l).updated(), "%,14.1f");
		row(loops, "rows deleted / lifecycle", l -> costs.get(l).deleted(), "%,14.1f");
		row(loops, "WAL bytes / lifecycle, statements", l -> costs.get(l).statementWal(), "%,14.0f");
		row(loops, "  of them full-page images (count)", l -> costs.get(l).fullPages(), "%,14.2f");
		row(loops, "WAL bytes / lifecycle, server", l -> costs.get(l).walBytes(), "%,14.0f");
		row(loops, "  after CHECKPOINT: records (B)", l -> costs.get(l).wal().recordBytes(), "%,14.0f");
		row(loops, "  after CHECKPOINT: images (B)", l -> costs.get(l).wal().imageBytes(), "%,14.0f");
		row(loops, "  after CHECKPOINT: images (count)", l -> costs.get(l).wal().images(), "%,14.2f");
		if (!steady.isEmpty()) {
			var label = "steady, " + steadySeconds + " s: ";
			row(loops, label + "total (B)", l -> steady.containsKey(l) ? steady.get(l).bytes() : Double.NaN, "%,14.0f");
			row(loops, label + "records (B)", l -> steady.containsKey(l) ? steady.get(l).recordBytes() : Double.NaN, "%,14.0f");
			row(loops, label + "images (B)", l -> steady.containsKey(l) ? steady.get(l).imageBytes() : Double.NaN, "%,14.0f");
			row(loops, label + "images (count)", l -> steady.containsKey(l) ? steady.get(l).images() : Double.NaN, "%,14.2f");
		}
		var grown = new LinkedHashMap<String, Double>();
		var compact = new LinkedHashMap<String, Double>();
		for (var loop : loops) {
			grown.put(loop.name(), storedPerCase(loop));
			postgres.vacuumFull(loop.database());
			compact.put(loop.name(), storedPerCase(loop));
		}
		for (var loop : loops) {
			System.out.printf("%-9s largest tables after compaction (whole database, incl. data from before the run):%n",
					loop.name());
			postgres.largestTables(loop.database(), driven.get(loop.name()), 8)
				.forEach(l -> System.out.println("          " + l));
		}
		row(loops, "stored bytes / case, as written", grown::get, "%,14.0f");
		row(loops, "stored bytes / case, compacted", compact::get, "%,14.0f");
		System.out.println();
		for (var threads : options.rounds == 0 ? List.<Integer>of() : options.threads) {
			ratio(rates, "ours", "flowable", threads);
			ratio(rates, "ours", "raw", threads);
			ratio(rates, "raw", "flowable", threads);
		}
		if (costs.containsKey("ours")) {
			var ours = costs.get("ours");
			System.out.println();
			System.out.printf("targets (TARGETS.md), ours: ≥ 10 × Flowable lifecycles/s: %s; ≤ 40 statements: %s (%.1f, "
					+ "%.1f without BEGIN/COMMIT); ≤ 20 KB WAL: %s; ≤ 5 KB stored per case: %s as written "
					+ "(%.1f KB), %s compacted (%.1f KB)%n",
					tenTimesFlowable(rates),
					verdict(ours.statements() <= 40), ours.statements(), ours.statements() - ours.utility(),
					walVerdicts(ours, steady.get("ours"), steadySeconds), verdict(grown.get("ours") <= 5 * 1024),
					grown.get("ours") / 1024, verdict(compact.get("ours") <= 5 * 1024), compact.get("ours") / 1024);
		}
	}

	/**
	 * The verdict on ≥ 10 × Flowable on every thread count measured, e.g. "met on 1 thread(s) (13.3 ×), MISSED on 4
	 * (8.1 ×)": the median of the rounds' ratios, each round's loops measured one after the other (the figure the
	 * summary's ratio line prints and RESULTS.md reports; the ratio of the median rates pairs rounds that were not run
	 * together and once printed "met" where the rounds' median missed, quiet8).
	 */
	private String tenTimesFlowable(Map<String, List<Double>> rates) {
		var verdicts = new ArrayList<String>();
		for (var threads : options.rounds == 0 ? List.<Integer>of() : options.threads) {
			if (rates.containsKey("flowable@" + threads) && rates.containsKey("ours@" + threads)) {
				var ratio = median(ratios(rates, "ours", "flowable", threads));
				verdicts.add(String.format("%s on %d thread(s) (%.2f ×)", verdict(ratio >= 10), threads, ratio));
			}
		}
		return verdicts.isEmpty() ? "not measured" : String.join(", ", verdicts);
	}

	/**
	 * The WAL verdict per regime (decision 0022): steady over a checkpoint interval (the reading of the target), right
	 * after a forced checkpoint (the worst case), the records alone (the floor), and the statements' own figure.
	 */
	private static String walVerdicts(Cost ours, Postgres.WalSplit steady, long steadySeconds) {
		var verdicts = new ArrayList<String>();
		if (steady != null) {
			verdicts.add(String.format("%s steady over %d s (%.1f KB: records %.1f + images %.1f)", verdict(steady.bytes() <= 20 * 1024),
					steadySeconds, steady.bytes() / 1024, steady.recordBytes() / 1024, steady.imageBytes() / 1024));
		}
		verdicts.add(String.format("%s right after a CHECKPOINT (%.1f KB: records %.1f + images %.1f; by the statements %.1f)",
				verdict(ours.wal().bytes() <= 20 * 1024), ours.wal().bytes() / 1024, ours.wal().recordBytes() / 1024,
				ours.wal().imageBytes() / 1024, ours.statementWal() / 1024));
		verdicts.add(String.format("%s by the records alone (%.1f KB)", verdict(ours.wal().recordBytes() <= 20 * 1024),
				ours.wal().recordBytes() / 1024));
		return String.join(", ", verdicts);
	}

	/** Growth of the database since it was started (and compacted), per case driven through it. */
	private double storedPerCase(Loop loop) {
		var now = postgres.counters(loop.database()).databaseBytes();
		return (now - sizeAtStart.get(loop.name())) / (double) driven.get(loop.name());
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	/** Loop {@code a}'s rate over loop {@code b}'s, round by round. */
	private List<Double> ratios(Map<String, List<Double>> rates, String a, String b, int threads) {
		var ratios = new ArrayList<Double>();
		for (var i = 0; i < options.rounds; i++) {
			ratios.add(rates.get(a + "@" + threads).get(i) / rates.get(b + "@" + threads).get(i));
		}
		return ratios;
	}

	private void ratio(Map<String, List<Double>> rates, String a, String b, int threads) {
		if (rates.containsKey(a + "@" + threads) && rates.containsKey(b + "@" + threads)) {
			var ratios = ratios(rates, a, b, threads);
			System.out.printf("ratio %-4s / %-8s %d thread(s): median %.2f ×  (per round: %s)%n", a, b, threads,
					median(ratios), ratios.stream().map(r -> String.format("%.2f", r)).toList());
		}
	}

	private interface Figure {

		double of(String loop);

	}

	private static void row(List<Loop> loops, String label, Figure figure, String format) {
		var line = new StringBuilder(String.format("%-34s", label));
		loops.forEach(l -> line.append(String.format(format, figure.of(l.name()))));
		System.out.println(line);
	}

	static double median(List<Double> values) {
		var sorted = values.stream().sorted().toList();
		var n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private void header() {
		System.out.println("== Full lifecycle: report → file → dispatch → claim → report back → verify → close → evaluate ==");
		System.out.printf("date %s; %d processors; %s; %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
				load(), memory());
		System.out.printf("JVM %s %s (%s); max heap %d MB%n", System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
				Runtime.getRuntime().maxMemory() >> 20);
		System.out.printf("PostgreSQL %s at %s%n", postgres.version(), options.server);
		System.out.printf("options: %s%n", options);
	}

	static String load() {
		try {
			var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return "load " + parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (Exception e) {
			return "load ?";
		}
	}

	private static String memory() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
		}
		catch (Exception e) {
			return "";
		}
	}

	record Cost(double statements, double utility, double statementWal, double fullPages, double walBytes, double commits, double inserted, double updated,
			double deleted, Postgres.WalSplit wal) {

		/** The figures as one line, for a parent JVM ({@link #of}). */
		String figures() {
			return statements + " " + utility + " " + statementWal + " " + fullPages + " " + walBytes + " " + commits + " "
					+ inserted + " " + updated + " " + deleted + " " + LifecycleBench.figures(wal);
		}

		static Cost of(double[] f) {
			return new Cost(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], split(Arrays.copyOfRange(f, 9, f.length)));
		}

		@Override
		public String toString() {
			return String.format("%.1f statements (%.1f BEGIN/COMMIT/SET/SHOW), %.0f WAL bytes written by them (%.2f full "
					+ "pages), %.0f WAL bytes on the server, %.1f commits, %.1f rows inserted, %.1f updated, %.1f deleted "
					+ "per lifecycle", statements, utility, statementWal, fullPages, walBytes, commits, inserted, updated,
					deleted);
		}

	}

	record Options(String server, String user, long cases, long warmup, long costCases, int rounds, List<Integer> threads,
			List<String> only, int top, boolean waits, ReportPoints points, boolean jit, boolean jitList, long steadySeconds, double steadyRate,
			int walTop, boolean settle, long settleMax, long walSlice, List<String> steadyOnly, String jvm, String serve) {

		static Options parse(String[] args) {
			var values = new LinkedHashMap<String, String>();
			values.put("server", "jdbc:postgresql://127.0.0.1:5432/");
			values.put("user", "postgres");
			values.put("cases", "2000");
			values.put("warmup", "4000");
			values.put("cost-cases", "500");
			values.put("rounds", "3");
			values.put("threads", "1,4");
			values.put("only", "ours,raw,flowable");
			values.put("top", "0");
			values.put("waits", "false");
			values.put("points", "community");
			values.put("jit", "false");
			values.put("steady-seconds", "interval");
			values.put("steady-rate", "0");
			values.put("wal-top", "8");
			values.put("settle", "true");
			values.put("settle-max", "12000");
			values.put("wal-slice", "10");
			values.put("steady-only", "all");
			values.put("jvm", "one");
			values.put("serve", "");
			for (var i = 0; i < args.length; i++) {
				var key = args[i].replaceFirst("^--", "");
				if (!values.containsKey(key) || i + 1 >= args.length) {
					throw new IllegalArgumentException("usage: [--" + String.join(" v] [--", values.keySet()) + " v]");
				}
				values.put(key, args[++i]);
			}
			return new Options(values.get("server"), values.get("user"), Long.parseLong(values.get("cases")),
					Long.parseLong(values.get("warmup")), Long.parseLong(values.get("cost-cases")),
					Integer.parseInt(values.get("rounds")),
					Arrays.stream(values.get("threads").split(",")).map(Integer::parseInt).toList(),
					List.of(values.get("only").split(",")), Integer.parseInt(values.get("top")),
					Boolean.parseBoolean(values.get("waits")), ReportPoints.parse(values.get("points")),
					Boolean.parseBoolean(values.get("jit")) || "list".equals(values.get("jit")), "list".equals(values.get("jit")),
					"interval".equals(values.get("steady-seconds")) ? -1 : Long.parseLong(values.get("steady-seconds")),
					Double.parseDouble(values.get("steady-rate")), Integer.parseInt(values.get("wal-top")),
					Boolean.parseBoolean(values.get("settle")), Long.parseLong(values.get("settle-max")),
					Long.parseLong(values.get("wal-slice")),
					"all".equals(values.get("steady-only")) ? List.of() : List.of(values.get("steady-only").split(",")),
					values.get("jvm"), values.get("serve"));
		}

		/** {@code --jvm per-loop}: each loop in a JVM of its own ({@link OtherJvm}); {@code one} (the default): all in this. */
		boolean perLoop() {
			if (!"one".equals(jvm) && !"per-loop".equals(jvm)) {
				throw new IllegalArgumentException("--jvm one|per-loop, not " + jvm);
			}
			return "per-loop".equals(jvm);
		}

		int maxThreads() {
			return threads.stream().mapToInt(Integer::intValue).max().orElse(1);
		}

	}

}
