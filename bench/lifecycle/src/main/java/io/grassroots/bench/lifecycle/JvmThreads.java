package io.grassroots.bench.lifecycle;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the bench JVM's CPU goes, thread by thread: the time on a core of every native thread of this process (Java
 * threads, the JIT's compiler threads, the garbage collector's, JFR's …) from {@code /proc/self/task/<tid>/schedstat}
 * (nanoseconds; {@code stat}'s clock ticks where the kernel keeps no schedstat), named by {@code comm} (the first 15
 * characters of the thread's name), taken before and after a phase. Threads whose names differ only in numbers are
 * added up ({@code C2 CompilerThre#}, {@code GC Thread##}). A thread that started and ended within the phase — the
 * driving pool's, which {@code drive} starts and ends — is gone by the second look: its time is what the process
 * spent beyond the threads still there. Also the JIT's compile time ({@code CompilationMXBean}), the collectors'
 * collections and the code cache's fill.
 */
final class JvmThreads {

	private static final Path TASKS = Path.of("/proc/self/task");

	/** The name of the bench's driving threads, followed by a number. */
	static final String DRIVING = "driving-";

	/** Threads alive at the time of the look: thread id → (name, CPU nanoseconds). */
	record Snapshot(Map<String, Thread> threads, long processNanos, long compileMillis, long collections,
			long collectionMillis) {

	}

	/**
	 * One thread: its time on a core, its time waiting on a run queue for one ({@code schedstat}'s second field), its
	 * voluntary (blocked: a lock, a park, a socket read) and involuntary (pre-empted) context switches.
	 */
	record Thread(String name, long nanos, long waitNanos, long voluntary, long involuntary) {

		Thread minus(Thread o) {
			return o == null ? this
					: new Thread(name, nanos - o.nanos, waitNanos - o.waitNanos, voluntary - o.voluntary,
							involuntary - o.involuntary);
		}

		Thread plus(Thread o) {
			return new Thread(name, nanos + o.nanos, waitNanos + o.waitNanos, voluntary + o.voluntary,
					involuntary + o.involuntary);
		}

	}

	/** The calling thread's own figures ({@code /proc/thread-self}); the driving threads take them at start and end. */
	static Thread self() {
		try {
			return thread(Path.of("/proc/thread-self"), "self");
		}
		catch (IOException e) {
			return new Thread("self", 0, 0, 0, 0);
		}
	}

	private JvmThreads() {
	}

	static Snapshot take() {
		var threads = new HashMap<String, Thread>();
		try (Stream<Path> tasks = Files.list(TASKS)) {
			for (var task : (Iterable<Path>) tasks::iterator) {
				try {
					var name = Files.readString(task.resolve("comm")).strip();
					threads.put(task.getFileName().toString(), thread(task, name));
				}
				catch (IOException gone) {
					// the thread ended between the listing and the read
				}
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("no " + TASKS + ": per-thread CPU needs Linux", e);
		}
		var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		var compilation = ManagementFactory.getCompilationMXBean();
		long collections = 0;
		long collectionMillis = 0;
		for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			collections += gc.getCollectionCount();
			collectionMillis += gc.getCollectionTime();
		}
		return new Snapshot(threads, process.getProcessCpuTime(),
				compilation.isCompilationTimeMonitoringSupported() ? compilation.getTotalCompilationTime() : -1,
				collections, collectionMillis);
	}

	private static Thread thread(Path task, String name) throws IOException {
		long nanos;
		long wait = 0;
		var schedstat = task.resolve("schedstat");
		if (Files.exists(schedstat)) {
			var fields = Files.readString(schedstat).strip().split(" ");
			nanos = Long.parseLong(fields[0]);
			wait = Long.parseLong(fields[1]);
		}
		else {
			var stat = Files.readString(task.resolve("stat"));
			var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime: fields 14 and 15 of stat, 12 and 13 after "pid (comm) "; clock ticks of 10 ms
			nanos = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
		}
		long voluntary = 0;
		long involuntary = 0;
		for (var line : Files.readAllLines(task.resolve("status"))) {
			if (line.startsWith("voluntary_ctxt_switches:")) {
				voluntary = Long.parseLong(line.substring(24).strip());
			}
			else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
				involuntary = Long.parseLong(line.substring(27).strip());
			}
		}
		return new Thread(name, nanos, wait, voluntary, involuntary);
	}

	/** The group a thread's CPU is counted in by {@link #compact}. */
	private static String group(String name) {
		if (name.startsWith("C2 CompilerThre")) {
			return "C2";
		}
		if (name.startsWith("C1 CompilerThre")) {
			return "C1";
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
			return "GC";
		}
		return "other";
	}

	/**
	 * One line (two with the largest "other" threads) for a throughput round: the bench JVM's CPU per lifecycle (ms)
	 * by group — the driving threads ({@code driving}: their own figures, summed by the bench), C2, C1, the collector,
	 * the rest — with their context switches (voluntary / involuntary) and run-queue wait per lifecycle, and the JIT's
	 * compile time in the round (CompilationMXBean).
	 */
	static String compact(Snapshot before, Snapshot after, Thread driving, double lifecycles) {
		var groups = new TreeMap<String, Thread>();
		var others = new TreeMap<String, Long>();
		for (var entry : after.threads().entrySet()) {
			var name = entry.getValue().name();
			if (name.startsWith(DRIVING)) {
				continue;
			}
			var spent = entry.getValue().minus(before.threads().get(entry.getKey()));
			var group = group(name);
			groups.merge(group, spent, Thread::plus);
			if (group.equals("other")) {
				others.merge(name.replaceAll("[0-9]+", "#"), spent.nanos(), Long::sum);
			}
		}
		var total = after.processNanos() - before.processNanos();
		var line = new StringBuilder(String.format("JVM %.3f ms = driving %.3f", ms(total, lifecycles),
				ms(driving.nanos(), lifecycles)));
		for (var g : List.of("C2", "C1", "GC", "other")) {
			line.append(String.format(" + %s %.3f", g, ms(groups.getOrDefault(g, new Thread(g, 0, 0, 0, 0)).nanos(), lifecycles)));
		}
		var all = groups.values().stream().reduce(driving, Thread::plus);
		line.append(String.format(" (%s); switches vol/invol: driving %.1f/%.1f, all %.1f/%.1f; run-queue wait: driving "
				+ "%.3f ms, all %.3f ms; JIT compiling %.3f ms; %d GCs", String.join(", ", others.entrySet()
					.stream()
					.filter(e -> e.getValue() > 0)
					.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
					.limit(3)
					.map(e -> String.format("%s %.3f", e.getKey(), ms(e.getValue(), lifecycles)))
					.toList()),
				driving.voluntary() / lifecycles, driving.involuntary() / lifecycles, all.voluntary() / lifecycles,
				all.involuntary() / lifecycles, ms(driving.waitNanos(), lifecycles), ms(all.waitNanos(), lifecycles),
				(after.compileMillis() - before.compileMillis()) / lifecycles, after.collections() - before.collections()));
		return line.toString();
	}

	/**
	 * The CPU per lifecycle (ms) of each group of threads between the two looks, largest first, with the driving
	 * threads' own ({@code drivingNanos}, measured by the bench) and the rest of the process.
	 */
	static List<String> report(Snapshot before, Snapshot after, long drivingNanos, double lifecycles) {
		var groups = new TreeMap<String, Long>();
		long alive = 0;
		for (var entry : after.threads().entrySet()) {
			if (entry.getValue().name().startsWith(DRIVING)) {
				continue; // measured by the bench itself, and ending
			}
			var spent = entry.getValue().minus(before.threads().get(entry.getKey()));
			alive += spent.nanos();
			groups.merge(entry.getValue().name().replaceAll("[0-9]+", "#"), spent.nanos(), Long::sum);
		}
		var total = after.processNanos() - before.processNanos();
		var lines = new ArrayList<String>();
		lines.add(String.format("bench JVM %.3f ms = driving thread(s) %.3f ms + the threads below %.3f ms + threads that "
				+ "ended within the phase, other than the driving ones %.3f ms", ms(total, lifecycles),
				ms(drivingNanos, lifecycles), ms(alive, lifecycles), ms(total - alive - drivingNanos, lifecycles)));
		groups.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(12)
			.forEach(e -> lines.add(String.format("  %8.3f ms  %s", ms(e.getValue(), lifecycles), e.getKey())));
		var compiled = after.compileMillis() - before.compileMillis();
		lines.add(String.format("JIT compiling %.3f ms per lifecycle (%,d ms in all, CompilationMXBean); %d collections, "
				+ "%.3f ms per lifecycle; %s", compiled / lifecycles, compiled, after.collections() - before.collections(),
				(after.collectionMillis() - before.collectionMillis()) / lifecycles, codeCache()));
		return lines;
	}

	/**
	 * Every group of threads' CPU per lifecycle (ms) between the two looks, largest first, in one line (a throughput
	 * round's full split: {@link #compact} names only the three largest of the rest), with the driving threads' own.
	 */
	static String all(Snapshot before, Snapshot after, long drivingNanos, double lifecycles) {
		var groups = new TreeMap<String, Long>();
		long alive = 0;
		for (var entry : after.threads().entrySet()) {
			if (entry.getValue().name().startsWith(DRIVING)) {
				continue;
			}
			var spent = entry.getValue().minus(before.threads().get(entry.getKey()));
			alive += spent.nanos();
			groups.merge(entry.getValue().name().replaceAll("[0-9]+", "#"), spent.nanos(), Long::sum);
		}
		var total = after.processNanos() - before.processNanos();
		groups.put("(driving)", drivingNanos);
		groups.put("(ended)", total - alive - drivingNanos);
		return "threads' CPU ms: " + String.join(", ", groups.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map(e -> String.format("%s %.4f", e.getKey(), ms(e.getValue(), lifecycles)))
			.toList());
	}

	/** Bytes allocated so far by each live Java thread, by thread id (ThreadMXBean; exact). */
	static Map<Long, Map.Entry<String, Long>> allocations() {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var ids = threads.getAllThreadIds();
		var bytes = threads.getThreadAllocatedBytes(ids);
		var infos = threads.getThreadInfo(ids);
		var answer = new HashMap<Long, Map.Entry<String, Long>>();
		for (var i = 0; i < ids.length; i++) {
			if (infos[i] != null && bytes[i] >= 0) {
				answer.put(ids[i], Map.entry(infos[i].getThreadName(), bytes[i]));
			}
		}
		return answer;
	}

	/**
	 * The bytes each group of Java threads allocated per lifecycle between the two looks (threads whose names differ
	 * only in numbers added up), with the driving threads' own ({@code drivingBytes}), largest first, in one line.
	 */
	static String allocated(Map<Long, Map.Entry<String, Long>> before, Map<Long, Map.Entry<String, Long>> after,
			long drivingBytes, double lifecycles) {
		var groups = new TreeMap<String, Long>();
		for (var entry : after.entrySet()) {
			var name = entry.getValue().getKey();
			if (name.startsWith(DRIVING)) {
				continue;
			}
			var was = before.get(entry.getKey());
			groups.merge(name.replaceAll("[0-9]+", "#"), entry.getValue().getValue() - (was == null ? 0 : was.getValue()),
					Long::sum);
		}
		groups.put("(driving)", drivingBytes);
		return "threads' allocation B: " + String.join(", ", groups.entrySet()
			.stream()
			.filter(e -> e.getValue() / lifecycles >= 1)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map(e -> String.format("%s %,.0f", e.getKey(), e.getValue() / lifecycles))
			.toList());
	}

	/** The share of the process's CPU between the two looks that the JIT's compiler threads took (0 to 1). */
	static double compilerShare(Snapshot before, Snapshot after) {
		long compilers = 0;
		for (var entry : after.threads().entrySet()) {
			if (entry.getValue().name().contains("CompilerThre")) {
				var was = before.threads().get(entry.getKey());
				compilers += entry.getValue().nanos() - (was == null ? 0 : was.nanos());
			}
		}
		var total = after.processNanos() - before.processNanos();
		return total <= 0 ? 0 : (double) compilers / total;
	}

	private static double ms(long nanos, double lifecycles) {
		return nanos / 1e6 / lifecycles;
	}

	/** The code cache's pools: used / reserved. */
	static String codeCache() {
		var parts = new ArrayList<String>();
		for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.NON_HEAP && pool.getName().startsWith("CodeHeap")) {
				parts.add(String.format("%s %,d / %,d KB", pool.getName().replace("CodeHeap ", ""),
						pool.getUsage().getUsed() >> 10, pool.getUsage().getMax() >> 10));
			}
		}
		return "code cache " + String.join(", ", parts);
	}

}
