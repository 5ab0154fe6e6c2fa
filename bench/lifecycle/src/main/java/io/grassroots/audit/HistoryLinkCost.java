package io.grassroots.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CPU and allocation of a history link's own work on the thread of a case transition (lifecycle23), part by part:
 * the details' map as {@code CaseHistory} builds it, their JSON ({@link DetailsJson#write}), the hash
 * ({@link ChainHash#of}), over a lifecycle's seven links with the details the transitions write (a note in Chinese on
 * three of them). The build it runs on is the build measured: run it from one build's class path and then from
 * another's, in turns (A B A B …), and compare the figures. Per link, for each part alone and for the three together
 * ("link"): the threads' CPU ({@code ThreadMXBean}) and the bytes they allocated (exact).
 * <p>
 * {@code java -cp … io.grassroots.audit.HistoryLinkCost <threads> <rounds>}
 */
public final class HistoryLinkCost {

	private static final int LINKS = 350_000;

	private static final LongAdder WORK = new LongAdder();

	/** A lifecycle's entries: action, from, to, tier, note, what else the step decided. */
	private static final List<Object[]> LIFECYCLE = List.of(
			new Object[] { "case.reported", null, "REPORTED", "COMMUNITY", null, Map.of("channel", "PHONE") },
			new Object[] { "case.filed", "REPORTED", "FILED", "COMMUNITY", null,
					Map.of("category", "CJT214/E0501", "urgency", "NORMAL") },
			new Object[] { "case.dispatched", "FILED", "DISPATCHED", "DEPARTMENT", null,
					Map.of("department", "6e0c2a4e-1c55-4f57-9d8e-2b1a1c1d9e01") },
			new Object[] { "case.claimed", "DISPATCHED", "CLAIMED", "DEPARTMENT", null, Map.of() },
			new Object[] { "case.reportedBack", "CLAIMED", "REPORTED_BACK", "DEPARTMENT", "已劝离摊贩并宣传教育", Map.of() },
			new Object[] { "case.verified", "REPORTED_BACK", "CLOSED", "DEPARTMENT", "现场已无摊贩",
					Map.of("passed", true) },
			new Object[] { "case.evaluated", "CLOSED", "EVALUATED", "DEPARTMENT", "谢谢",
					Map.of("rating", "SATISFIED", "resolved", true) });

	private static final List<String> PARTS = List.of("map", "json", "hash", "link");

	private HistoryLinkCost() {
	}

	public static void main(String[] args) throws Exception {
		var threads = Integer.parseInt(args[0]);
		var rounds = Integer.parseInt(args[1]);
		var pool = Executors.newFixedThreadPool(threads);
		var json = new DetailsJson(AuditTrail.mapper());
		for (var warm = 0; warm < 4; warm++) {
			for (var part : PARTS) {
				run(pool, threads, json, part);
			}
		}
		for (var round = 1; round <= rounds; round++) {
			for (var part : PARTS) {
				var r = run(pool, threads, json, part);
				System.out.printf("round %d %-4s %d thread(s): %,6.0f ns CPU and %,5.0f bytes per link%n", round, part,
						threads, r[0], r[1]);
			}
		}
		pool.shutdown();
		System.out.println("work done " + WORK.sum());
	}

	private static double[] run(ExecutorService pool, int threads, DetailsJson json, String part) throws Exception {
		return ChainHashCost.perLink(pool, threads, LINKS, () -> {
			var texts = LIFECYCLE.stream().map(step -> json.write(details(step))).toList();
			// the last JSON written, kept where the JIT cannot drop its writing
			var written = new String[] { "{}" };
			return (previous, stream, seq, at, actor) -> {
				var step = LIFECYCLE.get(seq - 1);
				switch (part) {
					case "map" -> WORK.add(details(step).size());
					case "json" -> written[0] = json.write(details(step));
					case "hash" -> previous = ChainHash.of(previous, stream, seq, at, actor, (String) step[0],
							texts.get(seq - 1));
					default -> {
						written[0] = json.write(details(step));
						previous = ChainHash.of(previous, stream, seq, at, actor, (String) step[0], written[0]);
					}
				}
				return previous;
			};
		});
	}

	/** The details' map as {@code CaseHistory.entry} builds it. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Object[] step) {
		var details = new LinkedHashMap<String, Object>();
		if (step[1] != null) {
			details.put("from", step[1]);
		}
		details.put("to", step[2]);
		details.put("tier", step[3]);
		if (step[4] != null) {
			details.put("note", step[4]);
		}
		details.putAll((Map<String, Object>) step[5]);
		return details;
	}

}
