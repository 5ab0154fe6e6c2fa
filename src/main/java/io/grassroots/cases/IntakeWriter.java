package io.grassroots.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import io.grassroots.shared.BusyException;

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

	/** Reports are taken (queued) from construction until stop; queued before start, they are written once started. */
	private volatile boolean accepting = true;

	private volatile boolean running;

	private Thread thread;

	IntakeWriter(CaseRepository cases, DuplicateFinder duplicates, AttachmentStore attachments, CaseHistory history,
			JdbcClient jdbc, PlatformTransactionManager transactionManager, CasesProperties properties) {
		this.cases = cases;
		this.duplicates = duplicates;
		this.attachments = attachments;
		this.history = history;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.queue = new ArrayBlockingQueue<>(properties.intakeQueue());
		this.batchSize = properties.intakeBatch();
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
		var pending = new Pending(report, new CompletableFuture<>());
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
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("intakes are written in a transaction");
		}
		var keys = reports.stream().map(CaseIntake.Prepared::intakeKey).filter(k -> k != null).distinct().toList();
		var seen = keys.isEmpty() ? new HashSet<String>()
				: new HashSet<>(jdbc.sql("select intake_key from cases_case where intake_key in (:keys)")
					.param("keys", keys)
					.query(String.class)
					.list());
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
					place.region(), report.now(), created);
			var c = report.report(duplicate.orElse(null));
			if (key != null) {
				byKey.put(key, c);
			}
			created.add(c);
			answered.add(c);
			fresh[i] = true;
			firstOf.add(i);
			firsts.add(new CaseHistory.First(c, CaseAction.REPORT, report.actor(), report.now(),
					CaseHistory.Note.of(null, report.historyDetails()), List.of()));
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
		var answers = new ArrayList<CaseSummary>(reports.size());
		for (var i = 0; i < reports.size(); i++) {
			answers.add(CaseSummary.of(answered.get(i), reports.get(i).now(), fresh[i]));
		}
		return answers;
	}

	/** One batch: all in one transaction, or — when that fails — each in its own, so only a bad one fails. */
	void write(List<Pending> batch) {
		List<CaseSummary> answers;
		try {
			answers = transactions.execute(status -> writeAll(batch.stream().map(Pending::report).toList()));
		}
		catch (RuntimeException | Error e) {
			if (batch.size() == 1) {
				batch.get(0).answer().completeExceptionally(e);
				return;
			}
			log.warn("A batch of {} intakes failed ({}); writing them one by one", batch.size(), e.toString());
			batch.forEach(p -> write(List.of(p)));
			return;
		}
		for (var i = 0; i < batch.size(); i++) {
			batch.get(i).answer().complete(answers.get(i));
		}
	}

	private void run() {
		var batch = new ArrayList<Pending>(batchSize);
		while (running || !queue.isEmpty()) {
			try {
				var first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, batchSize - 1);
				write(batch);
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
		thread = new Thread(this::run, "intake-writer");
		thread.setDaemon(true);
		thread.start();
	}

	/** Refuses new reports, writes those queued, then stops. */
	@Override
	public synchronized void stop() {
		accepting = false;
		running = false;
		if (thread != null) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			thread = null;
		}
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

	/** A report waiting for its batch, and its answer once committed. */
	record Pending(CaseIntake.Prepared report, CompletableFuture<CaseSummary> answer) {
	}

}
