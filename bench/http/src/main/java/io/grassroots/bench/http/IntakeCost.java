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
 * --rounds=6, --warm-up=60 (seconds per server, in blocks of 10 alternating). Each block also prints this JVM's own
 * CPU per request: the load generator's, which shares the cores with the server.
 */
final class IntakeCost {

	private final Options options;

	IntakeCost(Options options) {
		this.options = options;
	}

	/** One server: the bench that drives it and its JMX view. */
	private record Side(String name, IntakeBench bench, Server server, com.sun.management.ThreadMXBean threads) {
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
			sides.add(side("A", options.get("jar", HttpBench.productJar()), database));
			var b = options.get("jar-b", null);
			if (b != null) {
				sides.add(side("B", b, database + "_b"));
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
					var before = snapshot(s);
					var level = s.bench.drive(clients, seconds);
					var after = snapshot(s);
					var row = perRequest(before, after, level.n());
					results.computeIfAbsent(s.name, k -> new ArrayList<>()).add(row);
					System.out.printf(Locale.ROOT,
							"round %d %s: %d intakes (%.1f/s, errors %d) | CPU µs/req: request threads %.1f, "
									+ "intake writer %.1f, other Java threads %.1f, process %.1f | alloc B/req: request "
									+ "threads %.0f, intake writer %.0f, other %.0f | bench JVM (load generator) CPU µs/req "
									+ "%.1f | load %s%n",
							round + 1, s.name, level.n(), level.perSecond(), level.errors(), row[0], row[1], row[2],
							row[3], row[4], row[5], row[6], row[7], Machine.load());
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
			}
		}
		finally {
			for (var s : sides) {
				s.bench.stop();
			}
		}
	}

	private Side side(String name, String jar, String database) throws Exception {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var args = new ArrayList<String>();
		args.add("--jar=" + jar);
		args.add("--database=" + database);
		for (var o : List.of("postgres", "user", "xmx", "xms")) {
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
		var server = bench.startForCost(jvm);
		var connector = JMXConnectorFactory
			.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
		MBeanServerConnection connection = connector.getMBeanServerConnection();
		var threads = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.THREAD_MXBEAN_NAME,
				com.sun.management.ThreadMXBean.class);
		return new Side(name, bench, server, threads);
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
