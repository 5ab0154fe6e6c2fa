package io.grassroots.bench.lifecycle;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.grassroots.shared.Caches;

/**
 * The CPU that one lifecycle's cache traffic costs the whole process, with Caffeine's upkeep handed to the common
 * fork-join pool (Caffeine's default, {@code async}) or done by the calling thread ({@link Caches#keptByCallers},
 * {@code callers}): per lifecycle seven transitions, each taking the remembered case (a read and a removal),
 * remembering the new one and the audit chain's new head, with a pause between them as a round trip to the database
 * makes. Prints the process's CPU (all threads), the calling thread's, the other threads' and the calling thread's
 * allocation per lifecycle, round by round. Exact on a busy machine, unlike the lifecycle bench's rounds:
 *
 * <pre>
 * java -cp "bench/lifecycle/target/classes:$(cat bench/lifecycle/target/classpath.txt)" io.grassroots.bench.lifecycle.CacheUpkeep async 3
 * java -cp … io.grassroots.bench.lifecycle.CacheUpkeep callers 3
 * </pre>
 */
public final class CacheUpkeep {

	private record Remembered(long id, long version) {
	}

	private CacheUpkeep() {
	}

	public static void main(String[] args) {
		var callers = args[0].equals("callers");
		var rounds = Integer.parseInt(args[1]);
		var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		var thread = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var lifecycles = 20_000;
		for (var round = 1; round <= rounds; round++) {
			Cache<Long, Remembered> cases = (callers ? Caches.keptByCallers() : Caffeine.newBuilder()).maximumSize(10_000)
				.expireAfterWrite(Duration.ofMinutes(30))
				.build();
			Cache<String, String> heads = (callers ? Caches.keptByCallers() : Caffeine.newBuilder()).maximumSize(50_000)
				.expireAfterAccess(Duration.ofMinutes(30))
				.build();
			var processCpu = process.getProcessCpuTime();
			var threadCpu = thread.getCurrentThreadCpuTime();
			var allocated = thread.getCurrentThreadAllocatedBytes();
			for (long id = 0; id < lifecycles; id++) {
				cases.put(id, new Remembered(id, 0));
				for (var step = 1; step <= 7; step++) {
					var remembered = cases.getIfPresent(id);
					if (remembered != null) {
						cases.asMap().remove(id, remembered);
					}
					cases.put(id, new Remembered(id, step));
					heads.put("case-" + id % 40_000, "head " + step);
					LockSupport.parkNanos(20_000);
				}
			}
			processCpu = process.getProcessCpuTime() - processCpu;
			threadCpu = thread.getCurrentThreadCpuTime() - threadCpu;
			allocated = thread.getCurrentThreadAllocatedBytes() - allocated;
			System.out.printf("%s round %d: process %.1f µs = calling thread %.1f µs + other threads %.1f µs; calling thread "
					+ "allocated %,.0f bytes (per lifecycle)%n", args[0], round, processCpu / 1e3 / lifecycles,
					threadCpu / 1e3 / lifecycles, (processCpu - threadCpu) / 1e3 / lifecycles,
					(double) allocated / lifecycles);
		}
	}

}
