package io.grassroots.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.grassroots.calendar.WorkCalendars;
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
 * (set-based reads, batched writes, one event per page), and one change at a time, each in its own transaction, when
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

	DeadlineSweep(CaseQueries cases, SupervisionResponses responses, List<DeadlineWatcher> watchers, JdbcClient jdbc,
			PlatformTransactionManager transactions, SupervisionProperties properties) {
		this.cases = cases;
		this.responses = responses;
		this.watchers = List.copyOf(watchers);
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.properties = properties;
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
		var report = new int[3];
		pages(after, upTo, (from, limit) -> cases.lightChanges(from, upTo, limit), DeadlineSweep::crossing, page -> {
			report[0] += page.size();
			report[2] += batch(page, responses::lightChanged, responses::lightChanged);
			watchers.forEach(w -> batch(page, w::lightChanged, w::lightChanged));
		});
		pages(after, upTo, (from, limit) -> responses.timers(from, upTo, limit), Issue.Timer::fireAt,
				page -> page.forEach(timer -> {
					report[1]++;
					report[2] += attempt(() -> responses.fire(timer)) ? 0 : 1;
				}));
		return new Report(report[0], report[1], report[2]);
	}

	/**
	 * Reads a window in pages ordered by instant. A full page moves the start to just before its last instant (rows
	 * at that instant are read again, which is harmless); a full page of one instant reads a larger page.
	 */
	private <T> void pages(Instant after, Instant upTo, Page<T> read, java.util.function.Function<T, Instant> at,
			Consumer<List<T>> handle) {
		var from = after;
		var limit = properties.batchSize();
		while (true) {
			var rows = read.read(from, limit);
			if (!rows.isEmpty()) {
				handle.accept(rows);
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
