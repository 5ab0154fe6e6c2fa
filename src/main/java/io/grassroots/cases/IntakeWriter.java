package io.grassroots.cases;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import io.grassroots.shared.BusyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for intake (decision cases-12): the reports that arrive together are written in one transaction —
 * the case rows in one multi-row INSERT, their first history entries in one JDBC batch, one commit — and every request
 * is answered only after the commit that made its case durable.
 * <p>
 * The database's part of the reports' duplicate checks — the stored open cases near each — is read by the batch's
 * writer in one statement for the whole batch, sent with the batch's key query in one round trip
 * ({@link DuplicateFinder#readBatch}, decisions cases-23 and cases-25); with
 * {@code grassroots.cases.intake-reads-in-batch=false} each caller reads its own before its report is queued
 * ({@link #read}, decision cases-16), and the writer completes such a read with the batches finished since. A
 * caller that finds no batch being written writes the batch itself, with whatever is queued ({@link #lead}, decision
 * cases-19: no hand-off to another thread when the writer is idle). Otherwise one writer thread takes whatever is
 * queued when it is free (no timer: a lone report is written at once, reports that
 * arrive while a batch commits form the next one; with {@code intake-gather} set, a bounded wait for more at a
 * steady high rate, {@link #gathering()}) and, in the order of arrival, answers a key seen before with the
 * first case (also a key seen earlier in the same batch), completes the duplicate check in memory with the cases the
 * read could not see — those of the batches finished since the read (kept for a while, {@link #finished}) and the
 * batch's earlier reports — and builds the case; the in-transaction listeners run at the commit. A report whose read
 * is older than what is kept is read again by the writer. If the batch fails, nothing of it is answered and its
 * reports are written again one by one, so only a bad one gets its error. A full queue is refused at once
 * ({@link BusyException}: 503 with Retry-After), never dropped.
 * <p>
 * A key written at the same time by another node (or by a report with photos, written in its caller's thread) is
 * caught by the unique index on {@code intake_key}: on PostgreSQL the later insert waits for the earlier commit and
 * fails, its batch is written again one by one, and the report finds the first case and is answered with it.
 */
@Component
class IntakeWriter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IntakeWriter.class);

	private final CaseRepository cases;

	/** The INSERT itself, not through the repository's proxy (its interceptors cost more than the call's own work). */
	private final CaseInsertsImpl inserts;

	private final ApplicationEventPublisher events;

	private final DuplicateFinder duplicates;

	private final AttachmentStore attachments;

	private final CaseHistory history;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Pending> queue;

	private final int batchSize;

	/**
	 * Held while a batch is written, from taking its reports off the queue to its commit or rollback: one batch at a
	 * time. A caller leads only when nobody waits for it (decision cases-24), so the writer thread, once it waits with
	 * a report, is next.
	 */
	final ReentrantLock writing = new ReentrantLock();

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

	/** Whether a batch's duplicate reads are made by its writer in one statement (cases-23), else by each caller. */
	private final boolean readsInBatch;

	/**
	 * Whether the next batch's reads are made while the batch before it is written (cases-30): then two writer threads
	 * take turns, one writing a batch while the other takes the next off the queue and reads it ({@link #readAhead}).
	 */
	private final boolean readsAhead;

	/** Held by the writer thread that takes the next batch off the queue and reads it, until it holds {@link #writing}. */
	private final ReentrantLock next = new ReentrantLock();

	/** Whether a writer thread holds a batch taken off the queue, read or being read, not yet written (cases-30). */
	volatile boolean preparing;

	/**
	 * The thread that prepares the next batch — a writer thread, or a caller that found a batch being written
	 * ({@link #follow}) — woken when a report is queued or a batch has finished.
	 */
	private volatile Thread preparer;

	/**
	 * A writer thread waiting for work, woken only when a report is queued that no caller takes and nobody prepares
	 * (decision cases-41); null while every writer thread works (each looks at the queue again before it waits).
	 */
	private volatile Thread idle;

	/**
	 * The longest a writer thread waits for more reports before it writes a small batch, from its oldest report's
	 * arrival ({@code intake-gather}; 0: never). See {@link #gathering()}.
	 */
	private final long gatherNanos;

	/** When the last report arrived ({@link System#nanoTime()}), and the mean time between arrivals (recent ones weigh most). */
	private volatile long lastArrival;

	private volatile long meanGap = TimeUnit.SECONDS.toNanos(1);

	/** How long the last batch took from holding the write lock to its commit or rollback. */
	private volatile long lastCycle;

	private final DistributionSummary batchSizes;

	private final Timer builds;

	private final Timer cycles;

	private final Timer gathers;

	/** The CPU time of the thread that writes a batch, over its build and over its whole cycle (stall23). */
	private final Timer buildCpu;

	private final Timer cycleCpu;

	/** A batch's read in its write transaction (the late reports' of cases-51, or the whole batch's), wall time. */
	private final Timer lateReads;

	/** The reports of a batch read in its write transaction (not read ahead), per batch that has such a read. */
	private final DistributionSummary lateReports;

	/** A batch from holding the write lock to its transaction begun (a pooled connection taken), wall time. */
	private final Timer begins;

	/** The cases of the batches finished since a batch's oldest read, which its duplicate checks scan in memory. */
	private final DistributionSummary finishedScanned;

	/** The stored candidates of a batch's reports, all together, which its duplicate checks compare. */
	private final DistributionSummary candidates;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Counter readsAgain;

	private final Counter readsAheadMade;

	private final Counter readsLate;

	private final Counter led;

	private final Counter taken;

	/** Reports are taken (queued) from construction until stop; queued before start, they are written once started. */
	private volatile boolean accepting = true;

	private volatile boolean running;

	private final List<Thread> threads = new ArrayList<>();

	IntakeWriter(CaseRepository cases, CaseInsertsImpl inserts, ApplicationEventPublisher events,
			DuplicateFinder duplicates, AttachmentStore attachments, CaseHistory history,
			PlatformTransactionManager transactionManager, CasesProperties properties, MeterRegistry meters) {
		this.cases = cases;
		this.inserts = inserts;
		this.events = events;
		this.duplicates = duplicates;
		this.attachments = attachments;
		this.history = history;
		this.transactions = new TransactionTemplate(transactionManager);
		this.queue = new ArrayBlockingQueue<>(properties.intakeQueue());
		this.batchSize = properties.intakeBatch();
		this.readsInBatch = properties.intakeReadsInBatch();
		this.readsAhead = properties.intakeReadsInBatch() && properties.intakeReadsAhead();
		// a report waits behind at most a full queue: its read is normally covered by these
		this.keep = properties.intakeQueue() + 2 * properties.intakeBatch();
		this.gatherNanos = Math.max(0, properties.intakeGather().toNanos());
		this.batchSizes = DistributionSummary.builder("grassroots.intake.batch.size")
			.description("Reports written in one intake transaction")
			.register(meters);
		this.builds = Timer.builder("grassroots.intake.batch.build")
			.description("An intake batch from taking it off the queue until its cases are built")
			.register(meters);
		this.cycles = Timer.builder("grassroots.intake.batch.cycle")
			.description("An intake batch from taking it off the queue until its commit or rollback")
			.register(meters);
		this.gathers = Timer.builder("grassroots.intake.batch.gather")
			.description("A writer thread waiting for more reports before it writes a small batch (cases-12, amended)")
			.register(meters);
		this.buildCpu = Timer.builder("grassroots.intake.batch.build.cpu")
			.description("The CPU time of the thread that writes an intake batch, over its build")
			.register(meters);
		this.cycleCpu = Timer.builder("grassroots.intake.batch.cycle.cpu")
			.description("The CPU time of the thread that writes an intake batch, over its cycle")
			.register(meters);
		this.begins = Timer.builder("grassroots.intake.batch.begin")
			.description("An intake batch from holding the write lock until its write transaction has begun")
			.register(meters);
		this.lateReads = Timer.builder("grassroots.intake.reads.late.time")
			.description("An intake batch's read in its write transaction (cases-51), from sending it to its answer")
			.register(meters);
		this.lateReports = DistributionSummary.builder("grassroots.intake.reads.late.reports")
			.description("The reports of an intake batch read in its write transaction, per such read")
			.register(meters);
		this.finishedScanned = DistributionSummary.builder("grassroots.intake.batch.finished.scanned")
			.description("The cases of the batches finished since an intake batch's oldest read, scanned in memory")
			.register(meters);
		this.candidates = DistributionSummary.builder("grassroots.intake.batch.candidates")
			.description("The stored duplicate candidates of an intake batch's reports, all together")
			.register(meters);
		this.readsAgain = Counter.builder("grassroots.intake.reads.again")
			.description("Reports whose duplicate read was older than the finished batches kept, read again by the writer")
			.register(meters);
		this.readsAheadMade = Counter.builder("grassroots.intake.reads.ahead")
			.description("Read commands made for a batch while the batch before it was written (cases-30)")
			.register(meters);
		this.readsLate = Counter.builder("grassroots.intake.reads.late")
			.description("Read commands made in a batch's write transaction for the reports that joined it after its read "
					+ "ahead (cases-51)")
			.register(meters);
		this.led = Counter.builder("grassroots.intake.batches.led")
			.description("Intake batches written by a caller that found no batch being written (the rest: the writer thread)")
			.register(meters);
		this.taken = Counter.builder("grassroots.intake.batches.taken")
			.description("Intake batches taken, read ahead and written by a caller that found a batch being written "
					+ "(cases-41; the rest: led by a caller, or the writer thread's)")
			.register(meters);
	}

	/**
	 * Reads a prepared report's stored duplicate candidates, writes it in a batch of its own thread's if no batch is
	 * being written ({@link #lead}), else queues it, and answers after the commit that made its case durable (or with
	 * its error); a full queue, or a writer that is stopping, refuses it at once.
	 */
	CaseSummary write(CaseIntake.Prepared report) {
		if (!accepting) {
			throw new BusyException("cases.intake.busy", 1);
		}
		var pending = new Pending(report, readsInBatch ? null : read(report), new CompletableFuture<>(), arrived());
		if (!lead(pending)) {
			follow(pending);
		}
		try {
			return pending.answer().join();
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

	/** Reads and queues a prepared report; its answer completes after the commit that made its case durable. */
	CompletableFuture<CaseSummary> submit(CaseIntake.Prepared report) {
		if (!accepting) {
			throw new BusyException("cases.intake.busy", 1);
		}
		return submit(new Pending(report, read(report), new CompletableFuture<>(), arrived()));
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

	/**
	 * Notes a report's arrival for the mean time between arrivals ({@link #gathering()}); answers its time. Updated by
	 * the request threads without a lock: a lost update only makes the mean a little less recent.
	 */
	private long arrived() {
		if (gatherNanos == 0) {
			return 0; // the wait is off: no shared arrival bookkeeping on the request threads
		}
		var now = System.nanoTime();
		var gap = Math.min(now - lastArrival, TimeUnit.SECONDS.toNanos(1));
		lastArrival = now;
		var mean = meanGap;
		meanGap = mean + (gap - mean) / 8;
		return now;
	}

	/**
	 * Whether a small batch waits for more reports before it is written (cases-12, amended 2026-12-06): only with a
	 * bound set, while reports arrive more often than once within it (at a lower rate a report is written at once),
	 * and while the last batch's cycle was shorter than the bound (a longer one gathers the next batch by itself: the
	 * reports that arrive during it).
	 */
	boolean gathering() {
		return gatherNanos > 0 && meanGap < gatherNanos && lastCycle < gatherNanos;
	}

	/**
	 * Waits, without being woken by each arrival, until the bound has passed since the batch's oldest report arrived,
	 * then takes what queued meanwhile (up to a full batch).
	 */
	private void gather(List<Pending> batch) {
		var start = System.nanoTime();
		var until = batch.get(0).arrived() + gatherNanos;
		queue.drainTo(batch, batchSize - batch.size());
		long left;
		// woken early (a report no caller takes wakes a writer thread, cases-41): it waits on until the bound
		while (batch.size() < batchSize && (left = until - System.nanoTime()) > 0) {
			LockSupport.parkNanos(this, left);
			queue.drainTo(batch, batchSize - batch.size());
		}
		gathers.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
	}

	/** How many reports are queued (not yet taken by a writer). */
	int queued() {
		return queue.size();
	}

	/**
	 * Queues a report (with its read, if made) for the writer thread or whoever prepares the next batch; its answer
	 * completes after the commit that made its case durable.
	 */
	CompletableFuture<CaseSummary> submit(Pending pending) {
		enqueue(pending);
		wakeTaker();
		return pending.answer();
	}

	private void enqueue(Pending pending) {
		if (!accepting || !queue.offer(pending)) {
			throw new BusyException("cases.intake.busy", 1);
		}
		if (!accepting && queue.remove(pending)) {
			// stopped meanwhile, and the writer may have left already: refused, not left waiting
			throw new BusyException("cases.intake.busy", 1);
		}
	}

	/**
	 * Combining (decision cases-41): a caller that finds a batch being written and nobody preparing the next one
	 * prepares it itself, on its own thread, as a writer thread would ({@link #prepare}): it takes the reports queued
	 * (its own among them, in the order of arrival), reads them ahead, takes along and reads those that arrive until
	 * the batch being written has finished, then writes and commits them as one batch and answers each. The reports
	 * that arrive while it prepares wake it, not a writer thread; a writer thread is woken only for a report that no
	 * caller takes. Otherwise (somebody prepares already, small batches wait for more, or no reads ahead) the report
	 * is queued as before, and the preparer — else a writer thread — takes it.
	 */
	private void follow(Pending pending) {
		enqueue(pending);
		// an interrupted caller would not park while it waits for the lock (parkNanos returns at once): it queues
		if (!readsAhead || gathering() || Thread.currentThread().isInterrupted() || !next.tryLock()) {
			wakeTaker();
			return;
		}
		var batch = new ArrayList<Pending>();
		Ahead ahead;
		try {
			var first = queue.poll();
			if (first == null) {
				return; // taken meanwhile (its own report too) by a batch that is being written: answered by it
			}
			batch.add(first);
			taken.increment();
			ahead = prepare(batch);
		}
		catch (RuntimeException | Error e) {
			// not expected (a failed read ahead answers null); nothing of the batch was written: every report is told
			batch.forEach(p -> p.answer().completeExceptionally(e));
			if (writing.isHeldByCurrentThread()) {
				writing.unlock();
			}
			return;
		}
		finally {
			leavePreparing();
		}
		try {
			writeAnswering(batch, ahead);
		}
		finally {
			writing.unlock();
			wakeAfterBatch();
		}
	}

	/**
	 * Leader and followers (decision cases-19): a caller that finds no batch being written writes one itself, on its
	 * own thread — the reports queued meanwhile (they arrived first) and then its own — instead of queueing its report,
	 * waking the writer thread and parking until that thread has committed. It holds the write lock from before it
	 * takes the queued reports until their batch is committed or rolled back, so batches are still written one at a
	 * time and each sees every earlier one finished; reports that arrive meanwhile queue for the writer thread (or the
	 * next caller that finds the lock free). Answers whether it wrote the report; if not, the report is to be queued.
	 */
	private boolean lead(Pending pending) {
		// The writer thread waits for the lock with the oldest queued report in hand: a caller that took the lock in
		// the instant between a batch's end and the writer thread's wake-up would write the reports that arrived
		// after it first, and under a steady stream of callers it could happen batch after batch (cases-24).
		// Nor the batch a writer thread has taken off the queue and reads while another is written (cases-30).
		// Nor while small batches wait for more reports (cases-12, amended): the report joins the next one.
		if (preparing || gathering() || writing.hasQueuedThreads() || !writing.tryLock()) {
			return false;
		}
		try {
			if (!accepting) {
				return false; // stopping: queueing refuses it, as it refuses every report from now on
			}
			var batch = new ArrayList<Pending>();
			queue.drainTo(batch, batchSize - 1);
			batch.add(pending);
			led.increment();
			writeAnswering(batch, null);
			return true;
		}
		finally {
			writing.unlock();
			wakeAfterBatch();
		}
	}

	/** {@link #write(List, Ahead)}, and should it fail outside a transaction, every report of the batch is told so. */
	private void writeAnswering(List<Pending> batch, Ahead ahead) {
		try {
			write(batch, ahead);
		}
		catch (RuntimeException | Error e) {
			// write() answers every report of its batch; this is the last line against a writer that fails.
			log.error("The intake writer failed on a batch of {}", batch.size(), e);
			batch.forEach(p -> p.answer().completeExceptionally(e));
		}
	}

	/**
	 * Writes reports in the caller's transaction, in the order given, and answers each: the first case for a key seen
	 * before (stored, or earlier in the list), else the new case with its likely duplicate (stored, or earlier in the
	 * list), its photos and its first history entry.
	 */
	List<CaseSummary> writeAll(List<CaseIntake.Prepared> reports) {
		return writeAll(reports, Collections.nCopies(reports.size(), null), null, null);
	}

	/**
	 * {@link #writeAll(List)} with the reports' duplicate reads ({@link #read}, null where none was made): the
	 * duplicate check of a report with a read adds to it the cases of the batches finished since; {@code progress}, if
	 * given, is told when the batch's cases are built, and which.
	 */
	private List<CaseSummary> writeAll(List<CaseIntake.Prepared> reports, List<Read> reads, Progress progress,
			Ahead ahead) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("intakes are written in a transaction");
		}
		if (progress != null) {
			begins.record(System.nanoTime() - progress.start, TimeUnit.NANOSECONDS);
		}
		var since = Long.MAX_VALUE;
		for (var read : reads) {
			if (read != null) {
				since = Math.min(since, read.after());
			}
		}
		if (ahead != null) {
			since = Math.min(since, ahead.after());
		}
		var finishedSince = since == Long.MAX_VALUE ? new Since(List.of(), 0) : finishedAfter(since);
		if (ahead != null && ahead.after() < finishedSince.from() - 1) {
			readsAgain.increment(); // batches finished since the read ahead are no longer kept: read again
			ahead = null;
		}
		// the keys stored already and the stored candidates of every report without a read (or with one older than
		// the batches kept): in one statement for the batch (cases-23), sent with the key query in one round trip
		// (cases-25), or read ahead while the batch before was written (cases-30)
		var stored = new ArrayList<List<DuplicateFinder.Candidate>>(reports.size());
		var current = new ArrayList<Read>(reports.size());
		for (var read : reads) {
			if (read != null && read.after() < finishedSince.from() - 1) {
				readsAgain.increment(); // batches finished since this read are no longer kept: read again
				read = null;
				ahead = null; // it did not read this report's candidates
			}
			current.add(read);
			stored.add(read == null ? null : read.stored());
		}
		// the reports read ahead are a prefix of the batch; those that joined it while the batch before was written
		// are read here, in one command (cases-51)
		var covered = ahead == null ? 0 : ahead.covers();
		Set<String> seen;
		if (ahead != null) {
			// read after ahead.after() batches had finished: the keys the batches finished since then wrote are
			// stored too, and their cases are among the candidates from memory (unsaved, below)
			seen = new HashSet<>(ahead.read().storedKeys());
			for (var c : finishedSince.cases()) {
				if (c.origin().intakeKey() != null) {
					seen.add(c.origin().intakeKey());
				}
			}
		}
		else {
			seen = new HashSet<>();
		}
		DuplicateFinder.BatchRead late = null;
		if (covered < reports.size()) {
			if (ahead != null) {
				readsLate.increment();
			}
			var sent = System.nanoTime();
			late = duplicates.readBatch(keys(reports.subList(covered, reports.size())),
					queries(reports, current, covered));
			lateReads.record(System.nanoTime() - sent, TimeUnit.NANOSECONDS);
			lateReports.record(reports.size() - covered);
			seen.addAll(late.storedKeys());
		}
		for (var i = 0; i < reports.size(); i++) {
			if (stored.get(i) == null) {
				stored.set(i, i < covered ? ahead.read().stored().get(i) : late.stored().get(i));
			}
		}
		// the cases finished since the oldest read, then the batch's own earlier ones
		var unsaved = new ArrayList<Case>(finishedSince.cases());
		finishedScanned.record(unsaved.size());
		var compared = 0;
		for (var candidatesOfOne : stored) {
			compared += candidatesOfOne.size();
		}
		candidates.record(compared);
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
			if (earlier != null) {
				answered.add(earlier);
				continue;
			}
			var place = report.place();
			var duplicate = duplicates.nearest(report.matter().category(), place.longitude(), place.latitude(),
					place.region(), report.now(), unsaved, stored.get(i));
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
		if (progress != null) {
			progress.built = System.nanoTime();
			progress.builtCpu = THREADS.getCurrentThreadCpuTime();
			progress.created = created;
		}
		if (withoutPhotos(reports)) {
			// the case rows and their first history entries in one command: on PostgreSQL one round trip (cases-30)
			history.recordAllFirst(firsts, List.of(inserts.rows(created)));
			inserts.saved(created);
			publish(created);
		}
		else {
			writeWithPhotos(reports, created, firsts, firstOf);
		}
		var answers = new ArrayList<CaseSummary>(reports.size());
		for (var i = 0; i < reports.size(); i++) {
			answers.add(CaseSummary.of(answered.get(i), reports.get(i).now(), fresh[i]));
		}
		return answers;
	}

	private static boolean withoutPhotos(List<CaseIntake.Prepared> reports) {
		for (var report : reports) {
			if (!report.photos().isEmpty()) {
				return false;
			}
		}
		return true;
	}

	/** Published as the repository's saveAllNew publishes them: each case's, in the batch's order. */
	private void publish(List<Case> created) {
		for (var c : created) {
			CaseRowUpdate.publishEvents(c, events);
		}
	}

	/** The case rows, then the photos (which name their case), then the first history entries (which name photos). */
	private void writeWithPhotos(List<CaseIntake.Prepared> reports, List<Case> created,
			List<CaseHistory.First> firsts, List<Integer> firstOf) {
		inserts.saveAllNew(created);
		publish(created);
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
	}

	/** A batch's distinct idempotency keys. */
	private static List<String> keys(List<CaseIntake.Prepared> reports) {
		// a loop, not a stream with distinct(): it runs for every read ahead (≈ 4 % of the writer's CPU as a stream)
		var keys = new ArrayList<String>(reports.size());
		var seen = new HashSet<String>();
		for (var report : reports) {
			var key = report.intakeKey();
			if (key != null && seen.add(key)) {
				keys.add(key);
			}
		}
		return keys;
	}

	/** The duplicate reads of a batch's reports: none for a report with a read of its own. */
	private static List<DuplicateFinder.Query> queries(List<CaseIntake.Prepared> reports, List<Read> reads) {
		return queries(reports, reads, 0);
	}

	/**
	 * {@link #queries(List, List)} of the reports from {@code from} on: none for the first {@code from} (read ahead,
	 * cases-51), nor for a report with a read of its own.
	 */
	private static List<DuplicateFinder.Query> queries(List<CaseIntake.Prepared> reports, List<Read> reads, int from) {
		var queries = new ArrayList<DuplicateFinder.Query>(reports.size());
		for (var i = 0; i < reports.size(); i++) {
			var report = reports.get(i);
			var place = report.place();
			queries.add(i >= from && reads.get(i) == null
					? new DuplicateFinder.Query(report.matter().category(), place.longitude(), place.latitude(),
							place.region(), report.now())
					: new DuplicateFinder.Query(null, null, null, place.region(), report.now()));
		}
		return queries;
	}

	/**
	 * The reads of a batch made before it is written (cases-30): its stored keys and its reports' stored candidates, in
	 * a transaction of their own on a pooled connection (one round trip), after {@link Ahead#after} batches had finished. The batch's writer adds what the
	 * batches finished since wrote ({@link #writeAll}). Null if the read failed: the writer then reads in its own
	 * transaction.
	 */
	Ahead readAhead(List<Pending> batch) {
		var after = finishedCount; // every batch counted is committed: its cases are in what is read
		var reports = new ArrayList<CaseIntake.Prepared>(batch.size());
		var reads = new ArrayList<Read>(batch.size());
		for (var pending : batch) {
			reports.add(pending.report());
			reads.add(pending.read());
		}
		readsAheadMade.increment();
		try {
			return new Ahead(after, duplicates.readBatchAlone(keys(reports), queries(reports, reads)));
		}
		catch (RuntimeException e) {
			log.warn("Reading an intake batch ahead failed ({}); its writer reads it", e.toString());
			return null;
		}
	}

	/**
	 * One batch: all in one transaction, or — when that fails — each in its own, so only a bad one fails. One batch is
	 * written at a time (the writer thread's, or a caller's here), so each sees every earlier one finished.
	 */
	void write(List<Pending> batch) {
		write(batch, null);
	}

	/** {@link #write(List)} with the batch's reads made ahead ({@link #readAhead}), if any. */
	void write(List<Pending> batch, Ahead ahead) {
		writing.lock();
		try {
			var progress = new Progress(System.nanoTime(), THREADS.getCurrentThreadCpuTime());
			batchSizes.record(batch.size());
			List<CaseSummary> answers;
			try {
				// lists filled by a loop, not streams: on every batch (bench/RESULTS.md § lifecycle, lifecycle25)
				var reports = new ArrayList<CaseIntake.Prepared>(batch.size());
				var reads = new ArrayList<Read>(batch.size());
				for (var pending : batch) {
					reports.add(pending.report());
					reads.add(pending.read());
				}
				answers = transactions.execute(status -> writeAll(reports, reads, progress, ahead));
			}
			catch (RuntimeException | Error e) {
				finish(progress, false);
				if (batch.size() == 1) {
					batch.get(0).answer().completeExceptionally(e);
					return;
				}
				log.warn("A batch of {} intakes failed ({}); writing them one by one", batch.size(), e.toString());
				batch.forEach(p -> write(List.of(p)));
				return;
			}
			finish(progress, true);
			for (var i = 0; i < batch.size(); i++) {
				batch.get(i).answer().complete(answers.get(i));
			}
		}
		finally {
			writing.unlock();
			if (!writing.isHeldByCurrentThread()) {
				// else the batch's taker (a leader, a preparer, a writer thread) still holds the lock and wakes the
				// preparer once it lets it go: woken now, it would only find the lock held and wait again
				wakeAfterBatch();
			}
		}
	}

	/** The batch's outcome is known: it is numbered among the finished batches, with its cases if committed. */
	private void finish(Progress progress, boolean committed) {
		var end = System.nanoTime();
		var cpu = THREADS.getCurrentThreadCpuTime();
		builds.record((progress.built == 0 ? end : progress.built) - progress.start, TimeUnit.NANOSECONDS);
		cycles.record(end - progress.start, TimeUnit.NANOSECONDS);
		buildCpu.record((progress.built == 0 ? cpu : progress.builtCpu) - progress.startCpu, TimeUnit.NANOSECONDS);
		cycleCpu.record(cpu - progress.startCpu, TimeUnit.NANOSECONDS);
		lastCycle = end - progress.start;
		var done = new Finished(finishedCount + 1, committed ? List.copyOf(progress.created) : List.of());
		finished.addLast(done);
		finishedCases += done.cases().size();
		while (finished.size() > 1 && finishedCases > keep) {
			finishedCases -= finished.removeFirst().cases().size();
		}
		finishedCount = done.number();
	}

	/**
	 * The cases of the batches finished after the first {@code after}, oldest first, and the number of the oldest
	 * batch kept (called, like {@link #finish}, holding the write lock). The batches are numbered in order, so only
	 * the newest are visited, from the end: at one client every batch holds one case and {@link #keep} of them are
	 * kept, and walking them all from the oldest was 2 % of a lifecycle's driving thread (bench/RESULTS.md, lifecycle).
	 */
	private Since finishedAfter(long after) {
		var later = new ArrayList<Finished>();
		for (var newest = finished.descendingIterator(); newest.hasNext();) {
			var f = newest.next();
			if (f.number() <= after) {
				break;
			}
			later.add(f);
		}
		var cases = new ArrayList<Case>();
		for (var i = later.size() - 1; i >= 0; i--) {
			cases.addAll(later.get(i).cases());
		}
		return new Since(cases, finished.isEmpty() ? finishedCount + 1 : finished.peekFirst().number());
	}

	/**
	 * Takes the rest of a batch off the queue and reads it ahead, in one command, while the batch before is written
	 * (cases-30); the reports that arrive until that batch has finished join this one once the write lock is free (so
	 * the batch holds what arrived until then, as a batch taken with the lock does, cases-24) and are read in its
	 * write transaction, in one command (decision cases-51: before, each arrival of reports was read ahead in a command
	 * of its own, 2.5–3.7 per batch). Returns holding the write lock, with the reads of the batch's first reports
	 * (null if the read failed: the batch's writer then reads them all). If no batch is being written when the batch
	 * has been taken, there is nothing to read beside: it returns at once with the lock and no reads, and the batch is
	 * read in its own write transaction, as a caller's batch is ({@link #lead}) — a read ahead then only cost a
	 * transaction of its own (bench/RESULTS.md § lifecycle, lifecycle22).
	 */
	private Ahead prepare(List<Pending> batch) {
		preparer = Thread.currentThread();
		preparing = true;
		queue.drainTo(batch, batchSize - 1);
		if (writing.tryLock()) {
			return null;
		}
		var ahead = readAhead(batch);
		// the reports that arrive from now on are not read ahead one command per arrival (cases-30, 2.5–3.7 commands
		// per batch), they join the batch once the lock is free and are read in its write transaction (decision
		// cases-51): one read ahead and at most one read in the write per batch
		writing.lock();
		queue.drainTo(batch, batchSize - batch.size());
		return ahead;
	}

	/**
	 * After a report was queued: if nobody prepares the next batch, wakes a waiting writer thread. A preparer is not
	 * woken: it takes what is queued once it holds the write lock (cases-51), and one that has let the next batch go
	 * meanwhile looks at the queue after saying so ({@link #leavePreparing}).
	 */
	private void wakeTaker() {
		if (preparer == null) {
			LockSupport.unpark(idle);
		}
	}

	/**
	 * After a batch has finished: should reports be queued that nobody takes, wakes a waiting writer thread. A preparer
	 * waits for the write lock itself, and letting it go wakes it (cases-51).
	 */
	private void wakeAfterBatch() {
		if (preparer == null && !queue.isEmpty()) {
			LockSupport.unpark(idle);
		}
	}

	/**
	 * Its preparer lets the next batch go: a report queued after its last look at the queue (its submitter saw the
	 * preparer and woke it, not a writer thread) is left to a writer thread.
	 */
	private void leavePreparing() {
		preparing = false;
		preparer = null;
		next.unlock();
		if (!queue.isEmpty()) {
			LockSupport.unpark(idle);
		}
	}

	/**
	 * A writer thread waits until woken ({@link #wakeTaker}, {@link #wakeAfterBatch}, {@link #stop}), at most 200 ms;
	 * not if a report is queued. It says it waits before it looks at the queue, and whoever queues a report looks
	 * for a waiting writer thread after queueing it, so a queued report is never left without one.
	 */
	private void idle() {
		var self = Thread.currentThread();
		idle = self;
		if (queue.isEmpty() && running) {
			LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(200));
		}
		if (idle == self) {
			idle = null;
		}
	}

	private void run() {
		var batch = new ArrayList<Pending>(batchSize);
		while (running || !queue.isEmpty()) {
			try {
				Ahead ahead = null;
				var locked = false;
				// one writer thread at a time takes the next batch (and with reads ahead reads it while the other
				// writes the batch before, cases-30)
				if (queue.isEmpty()) {
					idle();
					continue;
				}
				next.lockInterruptibly();
				try {
					var first = queue.poll();
					if (first != null) {
						batch.add(first);
						if (gathering()) {
							preparing = true; // no caller leads meanwhile (nor would, while gathering)
							gather(batch);
						}
						if (readsAhead) {
							ahead = prepare(batch);
						}
						else {
							writing.lock();
						}
						locked = true;
					}
				}
				finally {
					leavePreparing();
				}
				if (!locked) {
					continue;
				}
				try {
					if (!readsAhead) {
						// the rest of the batch is taken once the lock is held: the reports that queued while another
						// batch was written join this one instead of waiting for the next (cases-24)
						queue.drainTo(batch, batchSize - 1);
					}
					writeAnswering(batch, ahead);
				}
				finally {
					writing.unlock();
					wakeAfterBatch();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
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
		for (var i = 1; i <= (readsAhead ? 2 : 1); i++) {
			var thread = new Thread(this::run, readsAhead ? "intake-writer-" + i : "intake-writer");
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
		threads.forEach(LockSupport::unpark); // a waiting writer thread drains the queue now, not within 200 ms
		var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		try {
			for (var thread : threads) {
				thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
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

	/** A batch being written: when it was taken and built ({@link System#nanoTime()}, 0 until then), its new cases. */
	private static final class Progress {

		private final long start;

		private final long startCpu;

		private long built;

		private long builtCpu;

		private List<Case> created = List.of();

		Progress(long start, long startCpu) {
			this.start = start;
			this.startCpu = startCpu;
		}

	}

	/**
	 * A report waiting for its batch, its duplicate read (null if none was made), its answer once committed, and when
	 * it arrived ({@link System#nanoTime()}).
	 */
	record Pending(CaseIntake.Prepared report, Read read, CompletableFuture<CaseSummary> answer, long arrived) {

		Pending(CaseIntake.Prepared report, CompletableFuture<CaseSummary> answer) {
			this(report, null, answer, System.nanoTime());
		}

		Pending(CaseIntake.Prepared report, Read read, CompletableFuture<CaseSummary> answer) {
			this(report, read, answer, System.nanoTime());
		}

	}

	/** The stored candidates of a report's duplicate check, read after {@code after} batches had finished. */
	record Read(long after, List<DuplicateFinder.Candidate> stored) {
	}

	/**
	 * The reads made ahead ({@link #readAhead}) after {@code after} batches had finished, of the batch's first
	 * {@link #covers} reports; those that joined it later are read in its write transaction (cases-51).
	 */
	record Ahead(long after, DuplicateFinder.BatchRead read) {

		/** How many of the batch's reports, from its first, were read ahead. */
		int covers() {
			return read.stored().size();
		}

	}

	/** A finished batch: its number and the cases it committed (none if rolled back). */
	private record Finished(long number, List<Case> cases) {
	}

	/** The cases of the batches finished after a read, and the number of the oldest finished batch still kept. */
	private record Since(List<Case> cases, long from) {
	}

}
