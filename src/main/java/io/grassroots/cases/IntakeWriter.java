package io.grassroots.cases;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.grassroots.shared.BusyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for intake (decision cases-12): the reports that arrive together are written in one transaction —
 * the case rows and their first history entries each in one JDBC batch, one commit — and every request is answered
 * only after the commit that made its case durable.
 * <p>
 * One writer thread takes whatever is queued when it is free (no timer: a lone report is written at once, reports
 * that arrive while a batch commits form the next one) and, in the order of arrival, answers a key seen before with
 * the first case (also a key seen earlier in the same batch), looks for a likely duplicate among the stored open cases
 * and the batch's earlier reports, and builds the case; the in-transaction listeners run at the commit. If the batch
 * fails, nothing of it is answered and its reports are written again one by one, so only a bad one gets its error. A
 * full queue is refused at once ({@link BusyException}: 503 with Retry-After), never dropped.
 * <p>
 * Several writer threads (decision cases-13, {@code grassroots.cases.intake-writers}, default 1) keep one slow batch
 * from holding every report queued behind it: the batches are <em>built</em> one at a time, in arrival order (taking
 * from the queue, the key look-up and the duplicate checks, under the build lock), and written and committed in
 * parallel. A batch's duplicate check also sees the cases of the batches built before it that are not committed yet
 * (as it would see them stored if they had been written one after the other); if one of those is named as its likely
 * duplicate, its commit waits for that batch's outcome and, if that batch was rolled back, fails and is written
 * again one by one (so no case names a likely duplicate that was never stored). A key that a batch in flight writes
 * is answered in a later batch with that batch's case, in the same way once that batch is committed. A key written
 * at the same time by another node (or by a report with photos, written in its caller's thread) is caught by the
 * unique index on {@code intake_key}: on PostgreSQL the later insert waits for the earlier commit and fails, its
 * batch is written again one by one, and the report finds the first case and is answered with it.
 * <p>
 * The database's part of the duplicate check — the stored open cases near a report — is read on the caller's thread
 * before the report is queued (decision cases-16), so those reads run on many connections at once and the writer
 * only resolves, in memory, the cases that the read could not see: those of the batches finished since (kept for a
 * while, {@link #finished}), those in flight and the batch's own earlier ones. A report whose read is older than what
 * is kept is read again by the writer.
 */
@Component
class IntakeWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

	private final CaseRepository cases;

	private final DuplicateFinder duplicates;

	private final AttachmentStore attachments;

	private final CaseHistory history;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Pending> queue;

	private final int batchSize;

	private final int writers;

	/** Held while a batch is taken from the queue and built; released before its rows are written. */
	private final ReentrantLock building = new ReentrantLock();

	/** The batches built and not yet committed or rolled back, in the order they were built. */
	private final ConcurrentLinkedQueue<Flight> flights = new ConcurrentLinkedQueue<>();

	/**
	 * The batches finished (committed, or rolled back: then without cases) most recently, oldest first, each numbered;
	 * {@link #finishedCount} is the number of the last. A read made after {@code n} batches had finished sees the cases
	 * of the first {@code n}; the writer adds those of the later ones from here. Holds at least the last batch, and
	 * beyond that batches while they hold at most {@link #keep} cases in all.
	 */
	private final ArrayDeque<Finished> finished = new ArrayDeque<>();

	private int finishedCases;

	private volatile long finishedCount;

	private final int keep;

	private final DistributionSummary batchSizes;

	private final Timer builds;

	private final Timer cycles;

	private final Counter readsAgain;

	/** Reports are taken (queued) from construction until stop; queued before start, they are written once started. */
	private volatile boolean accepting = true;

	private volatile boolean running;

	private final List<Thread> threads = new ArrayList<>();

	IntakeWriter(CaseRepository cases, DuplicateFinder duplicates, AttachmentStore attachments, CaseHistory history,
			JdbcClient jdbc, PlatformTransactionManager transactionManager, CasesProperties properties,
			MeterRegistry meters) {
		this.cases = cases;
		this.duplicates = duplicates;
		this.attachments = attachments;
		this.history = history;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.queue = new ArrayBlockingQueue<>(properties.intakeQueue());
		this.batchSize = properties.intakeBatch();
		this.writers = properties.intakeWriters();
		// a report waits behind at most a full queue: its read is normally covered by these
		this.keep = properties.intakeQueue() + 2 * properties.intakeBatch();
		this.batchSizes = DistributionSummary.builder("grassroots.intake.batch.size")
			.description("Reports written in one intake transaction")
			.register(meters);
		this.builds = Timer.builder("grassroots.intake.batch.build")
			.description("An intake batch from taking it off the queue until its cases are built (held under the build lock)")
			.register(meters);
		this.cycles = Timer.builder("grassroots.intake.batch.cycle")
			.description("An intake batch from taking it off the queue until its commit or rollback")
			.register(meters);
		this.readsAgain = Counter.builder("grassroots.intake.reads.again")
			.description("Reports whose duplicate read was older than the finished batches kept, read again by the writer")
			.register(meters);
		if (writers < 1) {
			throw new IllegalArgumentException("grassroots.cases.intake-writers must be at least 1");
		}
	}

	/**
	 * Queues a prepared report and waits until the commit that made its case durable (or its error); a full queue, or
	 * a writer that is stopping, refuses it at once.
	 */
	CaseSummary write(CaseIntake.Prepared report) {
		try {
			return submit(report).join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw e;
		}
	}

	/** Queues a prepared report; its answer completes after the commit that made its case durable. */
	CompletableFuture<CaseSummary> submit(CaseIntake.Prepared report) {
		if (!accepting) {
			throw new BusyException("cases.intake.busy", 1);
		}
		return submit(new Pending(report, read(report), new CompletableFuture<>()));
	}

	/**
	 * The database's part of a report's duplicate check, read on the caller's thread: the stored open cases near it,
	 * and how many batches had finished before (their cases are in what was read; the writer adds those of later ones).
	 */
	Read read(CaseIntake.Prepared report) {
		var after = finishedCount;
		var place = report.place();
		return new Read(after, duplicates.stored(report.matter().category(), place.longitude(), place.latitude(),
				place.region(), report.now()));
	}

	/** Queues a report (with its read, if made); its answer completes after the commit that made its case durable. */
	CompletableFuture<CaseSummary> submit(Pending pending) {
		if (!accepting || !queue.offer(pending)) {
			throw new BusyException("cases.intake.busy", 1);
		}
		if (!accepting && queue.remove(pending)) {
			// stopped meanwhile, and the writer may have left already: refused, not left waiting
			throw new BusyException("cases.intake.busy", 1);
		}
		return pending.answer();
	}

	/**
	 * Writes reports in the caller's transaction, in the order given, and answers each: the first case for a key seen
	 * before (stored, or earlier in the list), else the new case with its likely duplicate (stored, or earlier in the
	 * list), its photos and its first history entry.
	 */
	List<CaseSummary> writeAll(List<CaseIntake.Prepared> reports) {
		return writeAll(reports, java.util.Collections.nCopies(reports.size(), null), null);
	}

	/**
	 * {@link #writeAll(List)}; with a flight (a writer thread's batch, built holding the build lock), the duplicate
	 * checks and the keys also see the cases of the batches in flight, the flight is registered and the build lock
	 * released once the batch's cases are built, and before the commit it waits for the outcome of every batch in
	 * flight whose case it names, as a likely duplicate or as the first case of a key (failing if that batch was
	 * rolled back). {@code reads} are the reports' duplicate reads ({@link #read}), null where none was made.
	 */
	private List<CaseSummary> writeAll(List<CaseIntake.Prepared> reports, List<Read> reads, Flight flight) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("intakes are written in a transaction");
		}
		// the batches in flight before the key and duplicate queries: a batch that leaves the flights meanwhile has
		// committed, and those queries see its cases
		var inFlight = flight == null ? List.<Flight>of() : List.copyOf(flights);
		// then the batches finished since the reports' reads (one that finishes meanwhile is in flight or here)
		var since = reads.stream().filter(r -> r != null).mapToLong(Read::after).min().orElse(Long.MAX_VALUE);
		var finishedSince = since == Long.MAX_VALUE ? new Since(List.<Case>of(), 0) : finishedAfter(since);
		var keys = reports.stream().map(CaseIntake.Prepared::intakeKey).filter(k -> k != null).distinct().toList();
		var seen = keys.isEmpty() ? new HashSet<String>()
				: new HashSet<>(jdbc.sql("select intake_key from cases_case where intake_key in (:keys)")
					.param("keys", keys)
					.query(String.class)
					.list());
		// the cases finished since the oldest read, those in flight, then the batch's own earlier ones
		var unsaved = new ArrayList<Case>(finishedSince.cases());
		for (var f : inFlight) {
			unsaved.addAll(f.cases);
		}
		var waitFor = new HashSet<Flight>();
		var answered = new ArrayList<Case>(reports.size());
		var created = new ArrayList<Case>(reports.size());
		var byKey = new HashMap<String, Case>();
		var firsts = new ArrayList<CaseHistory.First>(reports.size());
		var firstOf = new ArrayList<Integer>(reports.size()); // the report each first entry belongs to
		var fresh = new boolean[reports.size()]; // whether report i created its case
		for (var i = 0; i < reports.size(); i++) {
			var report = reports.get(i);
			var key = report.intakeKey();
			var earlier = key == null ? null : byKey.get(key);
			if (earlier == null && key != null && seen.contains(key)) {
				earlier = cases.findByIntakeKey(key).orElse(null);
			}
			if (earlier == null && key != null) {
				// written by a batch in flight: its case, once that batch is committed
				for (var f : inFlight) {
					var first = f.withKey(key);
					if (first != null) {
						earlier = first;
						waitFor.add(f);
						break;
					}
				}
			}
			if (earlier != null) {
				answered.add(earlier);
				continue;
			}
			var place = report.place();
			var read = reads.get(i);
			if (read != null && read.after() < finishedSince.from() - 1) {
				read = null; // batches finished since this read are no longer kept: read again
				readsAgain.increment();
			}
			var duplicate = duplicates.nearest(report.matter().category(), place.longitude(), place.latitude(),
					place.region(), report.now(), unsaved, read == null ? null : read.stored());
			duplicate.ifPresent(d -> inFlight.stream().filter(f -> f.holds(d)).forEach(waitFor::add));
			var c = report.report(duplicate.orElse(null));
			if (key != null) {
				byKey.put(key, c);
			}
			created.add(c);
			unsaved.add(c);
			answered.add(c);
			fresh[i] = true;
			firstOf.add(i);
			firsts.add(new CaseHistory.First(c, CaseAction.REPORT, report.actor(), report.now(),
					CaseHistory.Note.of(null, report.historyDetails()), List.of()));
		}
		if (flight != null) {
			flight.cases = List.copyOf(created);
			flights.add(flight);
			flight.built = System.nanoTime();
			building.unlock();
		}
		cases.saveAllNew(created);
		for (var j = 0; j < firsts.size(); j++) {
			var first = firsts.get(j);
			var report = reports.get(firstOf.get(j));
			if (!report.photos().isEmpty()) {
				var photos = attachments.add(first.created().id(), CaseAction.REPORT, report.photos(),
						first.actor().id().toString(), first.at());
				firsts.set(j, new CaseHistory.First(first.created(), first.action(), first.actor(), first.at(),
						first.note(), photos));
			}
		}
		history.recordAllFirst(firsts);
		for (var f : waitFor) {
			if (!f.outcome.join()) {
				throw new IllegalStateException("A batch in flight whose case this batch names was rolled back");
			}
		}
		var answers = new ArrayList<CaseSummary>(reports.size());
		for (var i = 0; i < reports.size(); i++) {
			answers.add(CaseSummary.of(answered.get(i), reports.get(i).now(), fresh[i]));
		}
		return answers;
	}

	/** One batch: all in one transaction, or — when that fails — each in its own, so only a bad one fails. */
	void write(List<Pending> batch) {
		building.lock();
		writeBuilt(batch);
	}

	/** {@link #write(List)}, called holding the build lock, which it releases once the batch is built. */
	private void writeBuilt(List<Pending> batch) {
		var flight = new Flight();
		var start = System.nanoTime();
		batchSizes.record(batch.size());
		List<CaseSummary> answers;
		try {
			answers = transactions.execute(status -> writeAll(batch.stream().map(Pending::report).toList(),
					batch.stream().map(Pending::read).toList(), flight));
		}
		catch (RuntimeException | Error e) {
			finish(flight, false, start);
			if (batch.size() == 1) {
				batch.get(0).answer().completeExceptionally(e);
				return;
			}
			log.warn("A batch of {} intakes failed ({}); writing them one by one", batch.size(), e.toString());
			batch.forEach(p -> write(List.of(p)));
			return;
		}
		finish(flight, true, start);
		for (var i = 0; i < batch.size(); i++) {
			batch.get(i).answer().complete(answers.get(i));
		}
	}

	/**
	 * The batch's outcome is known: it is numbered among the finished batches (with its cases if committed), and only
	 * then do later batches stop seeing its cases as in flight (they are stored, or not).
	 */
	private void finish(Flight flight, boolean committed, long start) {
		if (building.isHeldByCurrentThread()) {
			building.unlock();
		}
		var end = System.nanoTime();
		builds.record((flight.built == 0 ? end : flight.built) - start, TimeUnit.NANOSECONDS);
		cycles.record(end - start, TimeUnit.NANOSECONDS);
		synchronized (finished) {
			var done = new Finished(finishedCount + 1, committed ? flight.cases : List.of());
			finished.addLast(done);
			finishedCases += done.cases().size();
			while (finished.size() > 1 && finishedCases > keep) {
				finishedCases -= finished.removeFirst().cases().size();
			}
			finishedCount = done.number();
		}
		flights.remove(flight);
		flight.outcome.complete(committed);
	}

	/** The cases of the batches finished after the first {@code after}, oldest first, and the first batch kept. */
	private Since finishedAfter(long after) {
		synchronized (finished) {
			var cases = new ArrayList<Case>();
			for (var f : finished) {
				if (f.number() > after) {
					cases.addAll(f.cases());
				}
			}
			return new Since(cases, finished.isEmpty() ? finishedCount + 1 : finished.peekFirst().number());
		}
	}

	private void run() {
		var batch = new ArrayList<Pending>(batchSize);
		while (running || !queue.isEmpty()) {
			try {
				building.lockInterruptibly();
				var first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					building.unlock();
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, batchSize - 1);
				writeBuilt(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			catch (RuntimeException | Error e) {
				// write() answers every report of its batch; this is the last line against a writer that stops.
				log.error("The intake writer failed on a batch of {}", batch.size(), e);
				batch.forEach(p -> p.answer().completeExceptionally(e));
			}
			finally {
				if (building.isHeldByCurrentThread()) {
					building.unlock();
				}
				batch.clear();
			}
		}
		Pending left;
		while ((left = queue.poll()) != null) {
			left.answer().completeExceptionally(new BusyException("cases.intake.busy", 1));
		}
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		accepting = true;
		for (var i = 0; i < writers; i++) {
			var thread = new Thread(this::run, writers == 1 ? "intake-writer" : "intake-writer-" + (i + 1));
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
	}

	/** Refuses new reports, writes those queued, then stops. */
	@Override
	public synchronized void stop() {
		accepting = false;
		running = false;
		var until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		for (var thread : threads) {
			try {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		threads.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Starts before the web server takes requests and stops after it has finished them. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/** A batch being written: its new cases, and whether it was committed once that is known. */
	private static final class Flight {

		private volatile List<Case> cases = List.of();

		/** When its cases were built ({@link System#nanoTime()}), 0 until then. */
		private volatile long built;

		private final CompletableFuture<Boolean> outcome = new CompletableFuture<>();

		boolean holds(CaseId id) {
			return cases.stream().anyMatch(c -> c.id().equals(id));
		}

		Case withKey(String key) {
			return cases.stream().filter(c -> key.equals(c.origin().intakeKey())).findFirst().orElse(null);
		}

	}

	/** A report waiting for its batch, its duplicate read (null if none was made) and its answer once committed. */
	record Pending(CaseIntake.Prepared report, Read read, CompletableFuture<CaseSummary> answer) {

		Pending(CaseIntake.Prepared report, CompletableFuture<CaseSummary> answer) {
			this(report, null, answer);
		}

	}

	/** The stored candidates of a report's duplicate check, read after {@code after} batches had finished. */
	record Read(long after, List<DuplicateFinder.Candidate> stored) {
	}

	/** A finished batch: its number and the cases it committed (none if rolled back). */
	private record Finished(long number, List<Case> cases) {
	}

	/** The cases of the batches finished after a read, and the number of the oldest finished batch still kept. */
	private record Since(List<Case> cases, long from) {
	}

}
