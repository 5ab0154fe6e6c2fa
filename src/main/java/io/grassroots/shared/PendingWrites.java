package io.grassroots.shared;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The blind writes of a transaction (a row's guarded UPDATE, history appends, tally increments, notices), sent to the
 * database together just before it commits: on PostgreSQL as one multi-statement command, which pgjdbc sends as one
 * pipeline with one sync (decisions cases-25, cases-29), so a transaction's writes cost one round trip before its
 * commit instead of one each; elsewhere (H2) one statement after the other, in the same order, with the same outcomes.
 * <p>
 * Writes are queued only in a transaction whose code {@link #open() opened} it for that; anywhere else
 * {@link #write} runs the statement at once, so a caller writes the same way in both cases. Each write may name what
 * to do with its outcome (its update count, and the first column it returns, if any): that runs when the write has
 * run, in the order queued, and may write again (at once) or throw — a thrown exception rolls the transaction back,
 * as if the statement had failed where it was written. The queue is sent ({@link #flush()}) before the transaction
 * commits, after every transactional listener of the product ({@link #ORDER}), and whenever code reads what a queued
 * write may have changed: such code calls {@link #flush()} first. A rolled-back transaction sends nothing.
 */
@Component
public class PendingWrites {

	/**
	 * The order of the flush among the transaction's synchronizations: the last. The product's before-commit listeners
	 * (which queue their writes) are ordered just before it ({@link TransactionalListeners}); since 2026-12-07 the queue
	 * is sent by the transaction's {@link TransactionTasks} unit (at this order {@code - 1}) right after their calls.
	 */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE;

	/** What to do with a write's outcome, once it ran. */
	@FunctionalInterface
	public interface Outcome {

		/** {@code count}: the rows written; {@code returned}: the first returned column of the first row, or null. */
		void written(int count, Object returned);

	}

	private static final Outcome NOTHING = (count, returned) -> {
	};

	private final WriteCommands commands;

	/** Whether several writes go as one multi-statement command (PostgreSQL). */
	private final boolean together;

	public PendingWrites(DataSource dataSource) {
		this.together = Databases.isPostgres(dataSource);
		this.commands = new WriteCommands(new JdbcTemplate(dataSource), together);
	}

	/**
	 * Whether the writers' statements take instants as {@link InstantMicros} (PostgreSQL): their texts differ by
	 * database, so the writers that build them ask here.
	 */
	public boolean instantsAsMicros() {
		return together;
	}

	/**
	 * Queues the writes of the current transaction from now on until it commits (nothing outside a transaction that
	 * synchronizes; once per transaction).
	 */
	public void open() {
		if (TransactionTasks.last(this) == null) {
			TransactionTasks.attach(this, new Unit());
		}
	}

	/** Writes, now or at the flush of the open transaction. */
	public void write(String sql, Object... values) {
		write(sql, values, null, NOTHING);
	}

	/**
	 * Writes, now or at the flush of the open transaction, and then hands its outcome to {@code then}; with
	 * {@code returning} (a column name, or null) the statement answers that column of the rows it wrote.
	 */
	public void write(String sql, Object[] values, String returning, Outcome then) {
		var unit = unit();
		if (unit == null || unit.sending) {
			commands.runOne(new Write(sql, values, returning, then));
		}
		else {
			unit.queue.add(new Write(sql, values, returning, then));
		}
	}

	/** Sends the queued writes now (before a read of what they may have changed); nothing when none are queued. */
	public void flush() {
		var unit = unit();
		if (unit != null) {
			unit.send();
		}
	}

	private Unit unit() {
		return (Unit) TransactionTasks.last(this);
	}

	/** One write: its statement, values, returned column (or null) and what follows it. */
	record Write(String sql, Object[] values, String returning, Outcome then) {
	}

	/**
	 * The queue of one transaction, sent before it commits: in the transaction's {@link TransactionTasks} unit, after
	 * the before-commit calls of the product's listeners; a transaction started inside (requires new) has a unit of its
	 * own, without the queue.
	 */
	private final class Unit implements TransactionTasks.Last {

		private final List<Write> queue = new ArrayList<>();

		/** While the queue is sent (and, from the flush before commit on, for good): writes run at once. */
		private boolean sending;

		@Override
		public void beforeCommit() {
			send();
			sending = true;
		}

		void send() {
			if (sending || queue.isEmpty()) {
				return;
			}
			var writes = List.copyOf(queue);
			queue.clear();
			sending = true;
			try {
				if (together && writes.size() > 1) {
					commands.runTogether(writes);
				}
				else {
					writes.forEach(write -> commands.runOne(write));
				}
			}
			finally {
				sending = false;
			}
		}

	}

}
