package io.grassroots.bench.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingStream;

/**
 * The JIT's work within a phase ({@code --jit true}), from JFR's {@code jdk.Compilation} (every compilation, no
 * threshold), {@code jdk.Deoptimization} and {@code jdk.CodeCacheFull} events, streamed in this process and counted
 * by their start time between the phase's two instants: how many methods were compiled at which tier and for how
 * long, and which compiled code was thrown away, why, and how often (a method deoptimised again and again is a
 * recompilation loop). JFR delivers streamed events about once a second, so {@link #report} waits for two.
 */
final class JitEvents implements AutoCloseable {

	/** What is kept of an event: JFR reuses its event objects. */
	private record Event(String type, Instant start, long nanos, int level, boolean osr, String method, int line,
			String reason, String action, String compiler, long inlined, String stack) {

	}

	private final RecordingStream stream = new RecordingStream();

	private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

	/** Whether {@link #report} also lists every C2 compilation and every deoptimisation of the phase ({@code --jit list}). */
	private final boolean list;

	JitEvents(boolean list) {
		this.list = list;
		stream.setReuse(false);
		stream.enable("jdk.Compilation").withThreshold(Duration.ZERO);
		stream.enable("jdk.Deoptimization").withStackTrace();
		stream.enable("jdk.CodeCacheFull");
		stream.onEvent("jdk.Compilation", e -> events.add(new Event("compilation", e.getStartTime(),
				e.getDuration().toNanos(), e.getShort("compileLevel"), e.getBoolean("isOsr"), name(e.getValue("method")),
				0, null, null, null, e.getLong("inlinedBytes"), null)));
		stream.onEvent("jdk.Deoptimization", e -> events.add(new Event("deoptimization", e.getStartTime(), 0, 0, false,
				name(e.getValue("method")), e.getInt("lineNumber"), e.getString("reason"), e.getString("action"),
				e.getString("compiler"), 0, stack(e.getStackTrace()))));
		stream.onEvent("jdk.CodeCacheFull",
				e -> events.add(new Event("full", e.getStartTime(), 0, 0, false, null, 0, null, null, null, 0, null)));
		stream.startAsync();
	}

	List<String> report(Instant from, Instant to) throws InterruptedException {
		Thread.sleep(2_000);
		var inPhase = events.stream().filter(e -> !e.start().isBefore(from) && e.start().isBefore(to)).toList();
		var lines = new ArrayList<String>();
		var compilations = inPhase.stream().filter(e -> e.type().equals("compilation")).toList();
		var byTier = new TreeMap<Integer, long[]>();
		for (var c : compilations) {
			var tier = byTier.computeIfAbsent(c.level(), k -> new long[3]);
			tier[0]++;
			tier[1] += c.nanos();
			tier[2] += c.osr() ? 1 : 0;
		}
		lines.add("compilations by tier (count, ms compiling, of them OSR): " + byTier.entrySet()
			.stream()
			.map(e -> String.format("tier %d: %d, %.1f ms, %d", e.getKey(), e.getValue()[0], e.getValue()[1] / 1e6,
					e.getValue()[2]))
			.collect(Collectors.joining("; ")));
		var c2 = compilations.stream()
			.filter(c -> c.level() == 4)
			.collect(Collectors.groupingBy(Event::method, Collectors.counting()));
		var c2Time = compilations.stream()
			.filter(c -> c.level() == 4)
			.collect(Collectors.groupingBy(c -> c.method().replaceFirst("\\.[^.]*$", "").replaceFirst("\\.[^.]*$", ""),
					Collectors.summingLong(Event::nanos)));
		lines.add(String.format("  C2 compiled %d methods, %d of them more than once in the phase%s", c2.size(),
				c2.values().stream().filter(n -> n > 1).count(), top(c2, 5, 2)));
		lines.add("  C2's compiling time by package (ms):" + c2Time.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(8)
			.map(e -> String.format("%n      %8.1f  %s", e.getValue() / 1e6, e.getKey()))
			.collect(Collectors.joining()));
		lines.add("  the longest C2 compilations (ms, bytes of bytecode inlined):" + compilations.stream()
			.filter(c -> c.level() == 4)
			.sorted(Comparator.comparingLong(Event::nanos).reversed())
			.limit(6)
			.map(c -> String.format("%n      %8.1f  %s (%,d)", c.nanos() / 1e6, c.method(), c.inlined()))
			.collect(Collectors.joining()));
		var deopts = inPhase.stream().filter(e -> e.type().equals("deoptimization")).toList();
		var byReason = deopts.stream()
			.collect(Collectors.groupingBy(d -> d.reason() + "/" + d.action(), Collectors.counting()));
		var byMethod = deopts.stream()
			.collect(Collectors.groupingBy(d -> d.method() + " line " + d.line() + " " + d.reason() + " (" + d.compiler()
					+ ")", Collectors.counting()));
		lines.add(String.format("deoptimisations %d, by reason/action: %s", deopts.size(), byReason));
		if (!byMethod.isEmpty()) {
			lines.add("  most frequent:" + top(byMethod, 8, 1));
		}
		lines.add("code cache full events: " + inPhase.stream().filter(e -> e.type().equals("full")).count());
		if (list) {
			lines.add("every C2 compilation and deoptimisation of the phase (seconds from its start):");
			inPhase.stream()
				.filter(e -> e.type().equals("deoptimization") || e.level() == 4)
				.sorted(Comparator.comparing(Event::start))
				.forEach(e -> lines.add(String.format("  %7.3f %s", Duration.between(from, e.start()).toNanos() / 1e9,
						e.type().equals("compilation")
								? String.format("C2%s %s %.1f ms (%,d B inlined)", e.osr() ? " OSR" : "", e.method(),
										e.nanos() / 1e6, e.inlined())
								: String.format("deopt %s line %d %s/%s (%s) at %s", e.method(), e.line(), e.reason(),
										e.action(), e.compiler(), e.stack()))));
		}
		return lines;
	}

	private static String top(Map<String, Long> counts, int n, long atLeast) {
		return counts.entrySet()
			.stream()
			.filter(e -> e.getValue() >= atLeast)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(n)
			.map(e -> String.format("%n      %4d × %s", e.getValue(), e.getKey()))
			.collect(Collectors.joining());
	}

	/** The top frames of a deoptimisation's stack: where the compiled code was left, and its callers. */
	private static String stack(RecordedStackTrace trace) {
		return trace == null ? "?" : trace.getFrames()
			.stream()
			.limit(4)
			.map(f -> name(f.getMethod()) + ":" + f.getLineNumber())
			.collect(Collectors.joining(" < "));
	}

	private static String name(RecordedMethod method) {
		return method == null ? "?" : method.getType().getName() + "." + method.getName();
	}

	@Override
	public void close() {
		stream.close();
	}

}
