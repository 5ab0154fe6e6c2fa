package io.grassroots.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import io.grassroots.calendar.WorkCalendars;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.DueCase;
import io.grassroots.cases.TrafficLight;
import io.grassroots.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deadline sweep. It reads only what changed light since its watermark ({@link CaseQueries#lightChanges}: index
 * range scans on {@code warn_at} and {@code due_at}) and the checks that fell due ({@code supervision_timer.fire_at}),
 * so its cost follows the changes, not the open cases. Each page of changes is handled as a batch in one transaction
 * (set-based reads, multi-row writes, one event per page; two pages at once on page workers while the next is read,
 * decision supervision-05), and one change at a time, each in its own transaction, when
 * the batch fails, so that one bad change loses no other. Everything it issues has a unique key: two sweeps racing
 * over the same window (several nodes) issue each reminder, order and card once. The watermark only moves forward.
 */
@Service
public class DeadlineSweep {

	/** The watermark of the scheduled sweep. */
	static final String DEADLINES = "deadlines";

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

	private final CaseQueries cases;

	private final SupervisionResponses responses;

	private final List<DeadlineWatcher> watchers;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final SupervisionProperties properties;

	/** Writes pages while the sweep reads the next ones (null: one page at a time, on the sweep's thread). */
	private final ExecutorService pageWorkers;

	/** The name of the page workers' threads, followed by a number. */
	public static final String PAGE_WORKER = "deadline-sweep-page-";

	DeadlineSweep(CaseQueries cases, SupervisionResponses responses, List<DeadlineWatcher> watchers, JdbcClient jdbc,
			PlatformTransactionManager transactions, SupervisionProperties properties) {
		this.cases = cases;
		this.responses = responses;
		this.watchers = List.copyOf(watchers);
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
		var workers = new AtomicInteger();
		this.pageWorkers = properties.pagesInFlight() < 2 ? null
				: Executors.newFixedThreadPool(properties.pagesInFlight(), work -> {
					var thread = new Thread(work, PAGE_WORKER + workers.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/** Sweeps from the watermark up to {@code now} less the settling time, and moves the watermark there. */
	public Report sweep(Instant now) {
		return sweep(DEADLINES, now);
	}

	Report sweep(String name, Instant now) {
		var upTo = now.minus(properties.settle());
		var after = watermark(name, upTo.minus(properties.firstLookback()));
		if (!upTo.isAfter(after)) {
			return new Report(0, 0, 0);
		}
		var report = window(after, upTo);
		if (report.failed() == 0) {
			jdbc.sql("update supervision_sweep set watermark = :upTo, swept_at = :now where name = :name and watermark < :upTo")
				.param("upTo", Timestamp.from(upTo))
				.param("now", Timestamp.from(now))
				.param("name", name)
				.update();
		}
		return report;
	}

	/**
	 * Handles every light change and every check in the window after {@code after} up to and including {@code upTo}, whatever the watermark says (replaying a
	 * known past, such as the demo data); safe to run twice or concurrently.
	 */
	public Report window(Instant after, Instant upTo) {
		var report = new AtomicIntegerArray(3);
		var inFlight = new InFlight();
		try {
			pages(after, upTo, (from, limit) -> cases.lightChanges(from, upTo, limit), DeadlineSweep::crossing,
					page -> {
						report.addAndGet(0, page.size());
						inFlight.submit(page, () -> {
							report.addAndGet(2, batch(page, responses::lightChanged, responses::lightChanged));
							watchers.forEach(w -> batch(page, w::lightChanged, w::lightChanged));
						});
					});
		}
		finally {
			inFlight.awaitAll();
		}
		pages(after, upTo, (from, limit) -> responses.timers(from, upTo, limit), Issue.Timer::fireAt,
				page -> page.forEach(timer -> {
					report.incrementAndGet(1);
					report.addAndGet(2, attempt(() -> responses.fire(timer)) ? 0 : 1);
				}));
		return new Report(report.get(0), report.get(1), report.get(2));
	}

	/** Stops the page workers (the application is closing). */
	@PreDestroy
	void stop() {
		if (pageWorkers != null) {
			pageWorkers.shutdownNow();
		}
	}

	/**
	 * The pages of one window being written: up to {@code pagesInFlight} at once, each on a page worker in its own
	 * transaction, while this thread reads the next page. A page that holds a case of a page still being written
	 * waits for it, so that the history entries of one case are chained in the order of its changes (and the second
	 * page does not fail on the first's uncommitted entry). With one page in flight, pages are written here, in turn.
	 */
	private final class InFlight {

		private final Deque<Written> pages = new ArrayDeque<>();

		void submit(List<DueCase> page, Runnable write) {
			if (pageWorkers == null) {
				write.run();
				return;
			}
			var ids = page.stream().map(DueCase::id).collect(Collectors.toSet());
			pages.removeIf(w -> w.done().isDone() && join(w));
			while (pages.size() >= properties.pagesInFlight()) {
				join(pages.removeFirst());
			}
			for (var it = pages.iterator(); it.hasNext();) {
				var written = it.next();
				if (written.cases().stream().anyMatch(ids::contains)) {
					join(written);
					it.remove();
				}
			}
			pages.addLast(new Written(ids, pageWorkers.submit(write)));
		}

		void awaitAll() {
			while (!pages.isEmpty()) {
				join(pages.removeFirst());
			}
		}

		private static boolean join(Written written) {
			try {
				written.done().get();
				return true;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Deadline sweep interrupted", e);
			}
			catch (ExecutionException e) {
				if (e.getCause() instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (e.getCause() instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(e.getCause());
			}
		}

		private record Written(Set<CaseId> cases, Future<?> done) {
		}

	}

	/**
	 * Reads a window in pages ordered by instant. A full page moves the start to just before its last instant (rows
	 * at that instant are read again, and those handed over already are left out); a full page of one instant reads
	 * a larger page.
	 */
	private <T> void pages(Instant after, Instant upTo, Page<T> read, java.util.function.Function<T, Instant> at,
			Consumer<List<T>> handle) {
		var from = after;
		var limit = properties.batchSize();
		var handed = Set.<T>of();
		while (true) {
			var rows = read.read(from, limit);
			var before = handed;
			var fresh = rows.stream().filter(row -> !before.contains(row)).toList();
			if (!fresh.isEmpty()) {
				handle.accept(fresh);
			}
			if (rows.size() < limit) {
				return;
			}
			var first = at.apply(rows.get(0));
			var last = at.apply(rows.get(rows.size() - 1));
			if (first.equals(last)) {
				limit *= 2;
			}
			else {
				from = last.minus(Duration.ofNanos(1000));
			}
			var again = from;
			handed = rows.stream().filter(row -> at.apply(row).isAfter(again)).collect(Collectors.toSet());
		}
	}

	/**
	 * Handles a page as a batch in one transaction; when that fails (a race on a unique key, one bad item), each item
	 * in its own transaction instead, so that no item is lost with another. Answers the items given up on.
	 */
	private <T> int batch(List<T> page, Consumer<List<T>> all, Consumer<T> one) {
		try {
			transactions.executeWithoutResult(status -> all.accept(page));
			return 0;
		}
		catch (RuntimeException e) {
			log.info("Deadline sweep: a page of {} failed as a batch ({}), handling it one by one", page.size(),
					e.toString());
			var failed = 0;
			for (var item : page) {
				failed += attempt(() -> one.accept(item)) ? 0 : 1;
			}
			return failed;
		}
	}

	private boolean attempt(Runnable work) {
		for (var tries = 1;; tries++) {
			try {
				transactions.executeWithoutResult(status -> work.run());
				return true;
			}
			catch (NotFoundException gone) {
				return true;
			}
			catch (RuntimeException e) {
				if (tries == 3) {
					log.error("Deadline sweep: giving up on one item after {} tries", tries, e);
					return false;
				}
			}
		}
	}

	private Instant watermark(String name, Instant first) {
		jdbc.sql("insert into supervision_sweep (name, watermark, swept_at) values (:name, :w, :w) on conflict do nothing")
			.param("name", name)
			.param("w", Timestamp.from(first))
			.update();
		return jdbc.sql("select watermark from supervision_sweep where name = :name")
			.param("name", name)
			.query(Timestamp.class)
			.single()
			.toInstant();
	}

	static Instant crossing(DueCase change) {
		return change.turns() == TrafficLight.YELLOW ? change.warnAt() : change.dueAt();
	}

	@FunctionalInterface
	private interface Page<T> {

		List<T> read(Instant from, int limit);

	}

	/**
	 * @param changes light changes read
	 * @param checks timers that fell due
	 * @param failed items given up on (the watermark stays, so they are tried again)
	 */
	public record Report(int changes, int checks, int failed) {
	}

}
