package io.grassroots.bench.http;

import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * bench/run intake-cost: the server's CPU and allocation per intake request, by thread group, read from the server's
 * own {@code ThreadMXBean} over JMX (loopback) around blocks of closed-loop intakes. With {@code --jar-b} two servers
 * (each on a database of its own) are driven in interleaved blocks (A B B A …), so both see the same minutes of the
 * shared machine. Options: --jar, --jar-b, --database (A's; B's gets "_b"), --clients=32, --seconds=10 per block,
 * --rounds=6, --warm-up=60 (seconds per server, in blocks of 10 alternating), --jvm (both servers), --jvm-b (B's only:
 * the same jar with another setting), --client=loop|threads (the load generator, {@link IntakeBench#http}) and
 * --client-b (B's: the same jar driven by the other client). Each block also prints this JVM's own CPU per request: the load generator's,
 * which shares the cores with the server. Around each block it also reads the side's database: its backends' on-CPU
 * time ({@code /proc/<pid>/schedstat}), the statements {@code pg_stat_statements} counted (if loaded) with their
 * buffers, the commits ({@code pg_stat_database}, after the idle backends' statistics flush) and the WAL written — the
 * cluster's, so one side's when the sides are driven one at a time.
 */
final class IntakeCost {

	private final Options options;

	IntakeCost(Options options) {
		this.options = options;
	}

	/** One server: the bench that drives it and its JMX view. */
	private record Side(String name, IntakeBench bench, Server server, com.sun.management.ThreadMXBean threads,
			Database database) {
	}

	/** Thread CPU ns and allocated bytes per thread id, with the thread's name. */
	private record Snapshot(Map<Long, long[]> values, Map<Long, String> names, double processMs, long benchNs) {
	}

	void run() throws Exception {
		var clients = (int) options.number("clients", 32);
		var seconds = options.number("seconds", 10);
		var rounds = (int) options.number("rounds", 6);
		var warmUp = options.number("warm-up", 60);
		Machine.print("intake-cost");
		var database = options.get("database", "bench_intake_cost");
		var sides = new ArrayList<Side>();
		try {
			sides.add(side("A", options.get("jar", HttpBench.productJar()), database, List.of(),
					options.get("client", "loop")));
			var b = options.get("jar-b", null);
			var clientB = options.get("client-b", null);
			if (b != null || !options.list("jvm-b").isEmpty() || clientB != null) {
				sides.add(side("B", b != null ? b : options.get("jar", HttpBench.productJar()), database + "_b",
						options.list("jvm-b"), clientB != null ? clientB : options.get("client", "loop")));
			}
			for (var t = 0.0; t < warmUp; t += 10) {
				for (var s : sides) {
					var w = s.bench.drive(clients, 10);
					System.out.printf("warm-up %s: %.1f/s (errors %d) | load %s%n", s.name, w.perSecond(), w.errors(),
							Machine.load());
				}
			}
			var results = new HashMap<String, List<double[]>>();
			for (var round = 0; round < rounds; round++) {
				var order = new ArrayList<>(sides);
				if (round % 2 == 1) {
					java.util.Collections.reverse(order);
				}
				for (var s : order) {
					var dbBefore = s.database.counters();
					var before = snapshot(s);
					var level = s.bench.drive(clients, seconds);
					var after = snapshot(s);
					Thread.sleep(1500); // the idle backends' statistics (commits) flush after at most a second
					var dbAfter = s.database.counters();
					var row = perRequest(before, after, level.n());
					var db = Database.perRequest(dbBefore, dbAfter, level.n());
					var all = java.util.Arrays.copyOf(row, row.length + db.length + 1);
					System.arraycopy(db, 0, all, row.length, db.length);
					all[all.length - 1] = level.perSecond();
					results.computeIfAbsent(s.name, k -> new ArrayList<>()).add(all);
					System.out.printf(Locale.ROOT,
							"round %d %s: %d intakes (%.1f/s, errors %d) | CPU µs/req: request threads %.1f, "
									+ "intake writer %.1f, other Java threads %.1f, process %.1f | alloc B/req: request "
									+ "threads %.0f, intake writer %.0f, other %.0f | bench JVM (load generator) CPU µs/req "
									+ "%.1f | load %s%n",
							round + 1, s.name, level.n(), level.perSecond(), level.errors(), row[0], row[1], row[2],
							row[3], row[4], row[5], row[6], row[7], Machine.load());
					System.out.printf(Locale.ROOT,
							"round %d %s database per req: backends CPU %.1f µs, statements %.2f, buffers %.1f, "
									+ "commits %.3f, WAL %.0f B%n",
							round + 1, s.name, db[0], db[1], db[2], db[3], db[4]);
				}
			}
			for (var s : sides) {
				var rows = results.get(s.name);
				System.out.printf(Locale.ROOT,
						"%s medians over %d blocks: CPU µs/req request threads %.1f, intake writer %.1f, other %.1f, "
								+ "process %.1f; alloc B/req request threads %.0f, intake writer %.0f; bench JVM CPU "
								+ "µs/req %.1f%n",
						s.name, rows.size(), median(rows, 0), median(rows, 1), median(rows, 2), median(rows, 3),
						median(rows, 4), median(rows, 5), median(rows, 7));
				System.out.printf(Locale.ROOT,
						"%s database medians per req: backends CPU %.1f µs, statements %.2f, buffers %.1f, commits %.3f,"
								+ " WAL %.0f B%n",
						s.name, median(rows, 8), median(rows, 9), median(rows, 10), median(rows, 11), median(rows, 12));
			}
			if (sides.size() == 2) {
				var a = results.get("A");
				var bs = results.get("B");
				var names = new String[] { "request threads", "intake writer", "other Java", "process", "alloc request",
						"alloc writer", "alloc other", "bench JVM", "backends CPU", "statements", "buffers", "commits", "WAL", "intakes/s" };
				for (var c = 0; c < names.length; c++) {
					var ratios = new double[Math.min(a.size(), bs.size())];
					var lower = 0;
					for (var i = 0; i < ratios.length; i++) {
						ratios[i] = a.get(i)[c] == 0 ? Double.NaN : bs.get(i)[c] / a.get(i)[c];
						lower += bs.get(i)[c] < a.get(i)[c] ? 1 : 0;
					}
					System.out.printf(Locale.ROOT, "B / A per pair, %s: median %.3f (%.3f–%.3f), B lower in %d of %d%n",
							names[c], IntakeBench.median(ratios), java.util.Arrays.stream(ratios).min().orElse(0),
							java.util.Arrays.stream(ratios).max().orElse(0), lower, ratios.length);
				}
			}
			for (var s : sides) {
				s.database.statements();
			}
		}
		finally {
			for (var s : sides) {
				s.bench.stop();
			}
		}
	}

	private Side side(String name, String jar, String database, List<String> ownJvm, String client) throws Exception {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var args = new ArrayList<String>();
		args.add("--jar=" + jar);
		args.add("--database=" + database);
		args.add("--client=" + client);
		for (var o : List.of("postgres", "user", "xmx", "xms", "loop-threads")) {
			var v = options.get(o, null);
			if (v != null) {
				args.add("--" + o + "=" + v);
			}
		}
		var bench = new IntakeBench(new Options(args.toArray(String[]::new)));
		var jvm = new ArrayList<>(List.of("-Dcom.sun.management.jmxremote.port=" + port,
				"-Dcom.sun.management.jmxremote.rmi.port=" + port, "-Dcom.sun.management.jmxremote.authenticate=false",
				"-Dcom.sun.management.jmxremote.ssl=false", "-Dcom.sun.management.jmxremote.host=127.0.0.1",
				"-Djava.rmi.server.hostname=127.0.0.1"));
		jvm.addAll(options.list("jvm"));
		jvm.addAll(ownJvm);
		var server = bench.startForCost(jvm);
		var connector = JMXConnectorFactory
			.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
		MBeanServerConnection connection = connector.getMBeanServerConnection();
		var threads = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.THREAD_MXBEAN_NAME,
				com.sun.management.ThreadMXBean.class);
		var base = options.get("postgres", "jdbc:postgresql://127.0.0.1:5432/");
		return new Side(name, bench, server, threads,
				new Database(base + "postgres", options.get("user", "postgres"), database, name));
	}

	private static Snapshot snapshot(Side side) throws Exception {
		var ids = side.threads.getAllThreadIds();
		var infos = side.threads.getThreadInfo(ids);
		var cpu = side.threads.getThreadCpuTime(ids);
		var alloc = side.threads.getThreadAllocatedBytes(ids);
		var values = new HashMap<Long, long[]>();
		var names = new HashMap<Long, String>();
		for (var i = 0; i < ids.length; i++) {
			if (infos[i] != null) {
				values.put(ids[i], new long[] { cpu[i], alloc[i] });
				names.put(ids[i], infos[i].getThreadName());
			}
		}
		return new Snapshot(values, names, Cpu.ms(side.server.process.pid()), BENCH.getProcessCpuTime());
	}

	/** µs of CPU per request: request threads, writer, other Java threads, process; bytes: request, writer, other. */
	/** This JVM: the load generator's clients (and the JMX reads around a block). */
	private static final com.sun.management.OperatingSystemMXBean BENCH = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static double[] perRequest(Snapshot before, Snapshot after, long n) {
		var cpu = new double[3];
		var alloc = new double[3];
		for (var e : after.values.entrySet()) {
			var name = after.names.get(e.getKey());
			var was = before.values.getOrDefault(e.getKey(), new long[2]);
			var group = name.startsWith("http-nio") ? 0 : name.startsWith("intake-writer") ? 1 : 2;
			if (name.startsWith("RMI ") || name.startsWith("JMX ")) {
				continue;
			}
			cpu[group] += Math.max(0, e.getValue()[0] - was[0]);
			alloc[group] += Math.max(0, e.getValue()[1] - was[1]);
		}
		var k = Math.max(1, n);
		return new double[] { cpu[0] / 1e3 / k, cpu[1] / 1e3 / k, cpu[2] / 1e3 / k,
				(after.processMs - before.processMs) * 1e3 / k, alloc[0] / k, alloc[1] / k, alloc[2] / k,
				(after.benchNs - before.benchNs) / 1e3 / k };
	}

	private static double median(List<double[]> rows, int column) {
		return IntakeBench.median(rows.stream().mapToDouble(r -> r[column]).toArray());
	}

}
