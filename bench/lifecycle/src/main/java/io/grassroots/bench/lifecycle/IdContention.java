package io.grassroots.bench.lifecycle;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import com.fasterxml.uuid.Generators;
import io.grassroots.shared.TimeOrderedIds;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordingFile;

/**
 * Whether the threads making case and notice ids wait for each other: {@code shared}, one java-uuid-generator
 * {@code TimeBasedEpochGenerator} for the JVM with its default random (as {@code TimeOrderedIds} had it until
 * 2026-12-06), against {@code per-thread}, {@link TimeOrderedIds} (a generator per thread, random bits from the thread's
 * DRBG). For 4, 8, 16 and 32 threads, each making ids for a second, flat out ({@code tight}) or one id per 20 µs park
 * ({@code paced}, as a transition makes one between round trips): ids per second, the process's CPU per id, and JFR's
 * {@code jdk.ThreadPark} and {@code jdk.JavaMonitorEnter} events (no threshold) by the class waited for. Both variants
 * in one JVM, alternating, so the machine's load falls on both:
 *
 * <pre>
 * java -cp "bench/lifecycle/target/classes:$(cat bench/lifecycle/target/classpath.txt)" io.grassroots.bench.lifecycle.IdContention 2
 * </pre>
 */
public final class IdContention {

	private IdContention() {
	}

	public static void main(String[] args) throws Exception {
		var rounds = Integer.parseInt(args[0]);
		var shared = Generators.timeBasedEpochGenerator();
		Map<String, Supplier<UUID>> variants = new java.util.LinkedHashMap<>();
		variants.put("shared", shared::generate);
		variants.put("per-thread", TimeOrderedIds::next);
		for (var variant : variants.entrySet()) { // warm up both
			run(variant.getValue(), 4, false, Duration.ofSeconds(1));
		}
		System.out.printf("%-6s %-10s %-6s %7s %12s %10s %8s %10s %8s  %s%n", "round", "variant", "pace", "threads",
				"ids/s", "cpu ns/id", "parks", "parked ms", "monitor", "waited for (events, ms)");
		for (var round = 1; round <= rounds; round++) {
			for (var paced : new boolean[] { false, true }) {
				for (var threads : new int[] { 4, 8, 16, 32 }) {
					for (var variant : variants.entrySet()) {
						var recording = new Recording();
						recording.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withStackTrace();
						recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ZERO).withStackTrace();
						recording.start();
						var result = run(variant.getValue(), threads, paced, Duration.ofSeconds(1));
						recording.stop();
						var file = Files.createTempFile("ids", ".jfr");
						recording.dump(file);
						recording.close();
						var waits = new TreeMap<String, long[]>();
						long parks = 0, parkedNanos = 0, monitors = 0;
						for (var event : RecordingFile.readAllEvents(file)) {
							var park = event.getEventType().getName().equals("jdk.ThreadPark");
							if (!park && !event.getEventType().getName().equals("jdk.JavaMonitorEnter")) {
								continue;
							}
							if (event.getThread() == null || !event.getThread().getJavaName().startsWith("ids-")) {
								continue;
							}
							RecordedClass on = event.getValue(park ? "parkedClass" : "monitorClass");
							if (on == null || on.getName().equals(CountDownLatch.class.getName() + "$Sync")) {
								continue; // the paced threads' own parkNanos, the wait for the start
							}
							var name = on.getName();
							var sum = waits.computeIfAbsent(name, k -> new long[2]);
							sum[0]++;
							sum[1] += event.getDuration().toNanos();
							if (park) {
								parks++;
								parkedNanos += event.getDuration().toNanos();
							}
							else {
								monitors++;
							}
						}
						Files.delete(file);
						var by = new StringBuilder();
						waits.forEach((k, v) -> by.append(k).append(" (").append(v[0]).append(", ")
							.append(String.format("%.1f", v[1] / 1e6)).append(") "));
						System.out.printf("%-6d %-10s %-6s %7d %12.0f %10.0f %8d %10.1f %8d  %s%n", round, variant.getKey(),
								paced ? "paced" : "tight", threads, result.ids() / result.seconds(),
								(double) result.cpuNanos() / result.ids(), parks, parkedNanos / 1e6, monitors, by);
					}
				}
			}
		}
		System.out.printf("load average at the end: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private record Result(long ids, double seconds, long cpuNanos) {
	}

	private static Result run(Supplier<UUID> next, int threads, boolean paced, Duration length) throws Exception {
		var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		var made = new LongAdder();
		var start = new CountDownLatch(1);
		var workers = new ArrayList<Thread>();
		var stop = new java.util.concurrent.atomic.AtomicBoolean();
		for (var t = 0; t < threads; t++) {
			var worker = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException e) {
					return;
				}
				long n = 0, sink = 0;
				while (!stop.get()) {
					sink ^= next.get().getLeastSignificantBits();
					n++;
					if (paced) {
						LockSupport.parkNanos(20_000);
					}
				}
				made.add(n);
				if (sink == 42) {
					System.out.print("");
				}
			}, "ids-" + t);
			workers.add(worker);
			worker.start();
		}
		var cpu = process.getProcessCpuTime();
		var began = System.nanoTime();
		start.countDown();
		Thread.sleep(length.toMillis());
		stop.set(true);
		for (var worker : workers) {
			worker.join();
		}
		var seconds = (System.nanoTime() - began) / 1e9;
		return new Result(made.sum(), seconds, process.getProcessCpuTime() - cpu);
	}

}
