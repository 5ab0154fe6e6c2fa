package io.grassroots.audit;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.grassroots.shared.Sha256;

/**
 * The CPU and allocation of hashing a history link (lifecycle18): "joined" as {@link ChainHash#of} hashed before —
 * the fields joined into one string, its UTF-8 copy, the stamp's and the sequence's strings — and "buffered" as it
 * hashes now (the text in a builder and a byte buffer kept per thread). The links are a lifecycle's seven, with its
 * details as the case transitions write them (a note in Chinese on three of them). Each side runs in turns
 * (A B B A …) on the given number of threads; per link: the threads' CPU ({@code ThreadMXBean}) and bytes allocated.
 * <p>
 * {@code java -cp … io.grassroots.audit.ChainHashCost <threads> <rounds>}
 */
public final class ChainHashCost {

	private static final int LINKS = 700_000;

	private static final LongAdder WORK = new LongAdder();

	private static final String[][] LIFECYCLE = {
			{ "case.reported", "{\"channel\":\"PHONE\",\"to\":\"REPORTED\",\"tier\":\"COMMUNITY\"}" },
			{ "case.filed", "{\"from\":\"REPORTED\",\"to\":\"FILED\",\"tier\":\"COMMUNITY\",\"category\":\"CJT214/E0501\",\"urgency\":\"NORMAL\"}" },
			{ "case.dispatched", "{\"department\":\"6e0c2a4e-1c55-4f57-9d8e-2b1a1c1d9e01\",\"from\":\"FILED\",\"tier\":\"DEPARTMENT\",\"to\":\"DISPATCHED\"}" },
			{ "case.claimed", "{\"from\":\"DISPATCHED\",\"tier\":\"DEPARTMENT\",\"to\":\"CLAIMED\"}" },
			{ "case.reportedBack", "{\"from\":\"CLAIMED\",\"note\":\"已劝离摊贩并宣传教育\",\"tier\":\"DEPARTMENT\",\"to\":\"REPORTED_BACK\"}" },
			{ "case.verified", "{\"from\":\"REPORTED_BACK\",\"note\":\"现场已无摊贩\",\"passed\":true,\"tier\":\"DEPARTMENT\",\"to\":\"CLOSED\"}" },
			{ "case.evaluated", "{\"from\":\"CLOSED\",\"note\":\"谢谢\",\"rating\":\"SATISFIED\",\"resolved\":true,\"tier\":\"DEPARTMENT\",\"to\":\"EVALUATED\"}" } };

	private ChainHashCost() {
	}

	public static void main(String[] args) throws Exception {
		var threads = Integer.parseInt(args[0]);
		var rounds = Integer.parseInt(args[1]);
		var pool = Executors.newFixedThreadPool(threads);
		for (var warm = 0; warm < 3; warm++) {
			run(pool, threads, true);
			run(pool, threads, false);
		}
		for (var round = 1; round <= rounds; round++) {
			for (var joined : round % 2 == 1 ? new boolean[] { true, false, false, true }
					: new boolean[] { false, true, true, false }) {
				var r = run(pool, threads, joined);
				System.out.printf("round %d %-8s %d thread(s): %,6.0f ns CPU and %,5.0f bytes per link%n", round,
						joined ? "joined" : "buffered", threads, r[0], r[1]);
			}
		}
		pool.shutdown();
		System.out.println("work done " + WORK.sum());
	}

	private static double[] run(ExecutorService pool, int threads, boolean joined) throws Exception {
		return perLink(pool, threads, LINKS, () -> (previous, stream, seq, at, actor) -> {
			var step = LIFECYCLE[seq - 1];
			return joined ? joined(previous, stream, seq, at, actor, step[0], step[1])
					: ChainHash.of(previous, stream, seq, at, actor, step[0], step[1]);
		});
	}

	/** One thread's next link of a lifecycle's seven ({@code seq} 1 to 7): answers its hash. */
	@FunctionalInterface
	interface Link {

		String next(String previous, String stream, int seq, Instant at, String actor);

	}

	/**
	 * Runs {@code links} links on {@code threads} threads, each thread with a case stream, an actor and a {@link Link}
	 * of its own (made by {@code perThread} before its clock starts), the links' stamps 7 ms apart; answers the
	 * threads' CPU nanoseconds ({@code ThreadMXBean}) and bytes allocated per link.
	 */
	static double[] perLink(ExecutorService pool, int threads, int links, Supplier<Link> perThread) throws Exception {
		var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var jobs = new ArrayList<Callable<long[]>>();
		for (var t = 0; t < threads; t++) {
			jobs.add(() -> {
				var link = perThread.get();
				var stream = "case/" + UUID.randomUUID();
				var actor = UUID.randomUUID().toString();
				var at = Instant.parse("2026-12-06T18:10:00.123Z");
				var previous = ChainHash.GENESIS;
				var id = Thread.currentThread().getId();
				var cpu = bean.getCurrentThreadCpuTime();
				var bytes = bean.getThreadAllocatedBytes(id);
				for (var i = 0; i < links / threads; i++) {
					previous = link.next(previous, stream, i % LIFECYCLE.length + 1, at, actor);
					at = at.plusMillis(7);
				}
				var used = new long[] { bean.getCurrentThreadCpuTime() - cpu, bean.getThreadAllocatedBytes(id) - bytes };
				WORK.add(previous.charAt(0));
				return used;
			});
		}
		double done = links / threads * threads;
		long cpu = 0;
		long bytes = 0;
		for (var f : pool.invokeAll(jobs)) {
			cpu += f.get()[0];
			bytes += f.get()[1];
		}
		return new double[] { cpu / done, bytes / done };
	}

	/** {@link ChainHash#of} as it was before lifecycle18. */
	static String joined(String previousHash, String stream, int seq, Instant at, String actorId, String action,
			String details) {
		var text = String.join("\u001f", previousHash, stream, Integer.toString(seq), ChainHash.stamp(at),
				actorId == null ? "" : actorId, action, details == null ? "" : details);
		return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
	}

}
