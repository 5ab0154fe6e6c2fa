package io.grassroots.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
	 * (which queue their writes) are ordered just before it ({@link TransactionalListeners}).
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

	private final JdbcTemplate jdbc;

	/** Whether several writes go as one multi-statement command (PostgreSQL). */
	private final boolean together;

	public PendingWrites(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.together = Databases.isPostgres(dataSource);
	}

	/**
	 * Queues the writes of the current transaction from now on until it commits (nothing outside a transaction that
	 * synchronizes; once per transaction).
	 */
	public void open() {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& !TransactionSynchronizationManager.hasResource(this)) {
			var unit = new Unit();
			TransactionSynchronizationManager.bindResource(this, unit);
			TransactionSynchronizationManager.registerSynchronization(unit);
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
			runOne(new Write(sql, values, returning, then));
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
		return (Unit) TransactionSynchronizationManager.getResource(this);
	}

	private record Write(String sql, Object[] values, String returning, Outcome then) {
	}

	/** The queue of one transaction, sent before it commits. */
	private final class Unit implements TransactionSynchronization {

		private final List<Write> queue = new ArrayList<>();

		/** While the queue is sent (and, from the flush before commit on, for good): writes run at once. */
		private boolean sending;

		@Override
		public int getOrder() {
			return ORDER;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			send();
			sending = true;
		}

		/** A transaction started inside this one (requires new) has its writes of its own. */
		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResourceIfPossible(PendingWrites.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(PendingWrites.this, this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(PendingWrites.this);
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
					runTogether(writes);
				}
				else {
					writes.forEach(PendingWrites.this::runOne);
				}
			}
			finally {
				sending = false;
			}
		}

	}

	private void runOne(Write write) {
		var outcome = jdbc.execute((ConnectionCallback<Object[]>) connection -> {
			var returning = write.returning();
			try (var statement = returning == null ? connection.prepareStatement(write.sql())
					: connection.prepareStatement(write.sql(), new String[] { returning })) {
				bind(statement, 1, write.values());
				var count = statement.executeUpdate();
				if (returning == null) {
					return new Object[] { count, null };
				}
				try (var keys = statement.getGeneratedKeys()) {
					return new Object[] { count, keys.next() ? keys.getObject(1) : null };
				}
			}
		});
		write.then().written((Integer) outcome[0], outcome[1]);
	}

	/**
	 * The writes as one multi-statement command: one pipeline, one sync; PostgreSQL runs them in order, and a failing
	 * one fails the command (and the transaction). The outcomes are handed on in order once all have run.
	 */
	private void runTogether(List<Write> writes) {
		var sql = new StringBuilder();
		for (var write : writes) {
			if (!sql.isEmpty()) {
				sql.append(";\n");
			}
			sql.append(write.sql());
			if (write.returning() != null) {
				sql.append(" returning ").append(write.returning());
			}
		}
		var outcomes = jdbc.execute((ConnectionCallback<Object[][]>) connection -> {
			try (var statement = connection.prepareStatement(sql.toString())) {
				var p = 1;
				for (var write : writes) {
					p = bind(statement, p, write.values());
				}
				return outcomes(statement, statement.execute(), writes.size());
			}
		});
		for (var i = 0; i < writes.size(); i++) {
			writes.get(i).then().written((Integer) outcomes[i][0], outcomes[i][1]);
		}
	}

	/** Each part's update count (rows returned, for a part that returns rows) and first returned value. */
	private static Object[][] outcomes(PreparedStatement statement, boolean rows, int parts) throws SQLException {
		var outcomes = new Object[parts][];
		for (var i = 0; i < parts; i++) {
			if (rows) {
				try (var rs = statement.getResultSet()) {
					var count = 0;
					Object first = null;
					while (rs.next()) {
						if (count++ == 0) {
							first = rs.getObject(1);
						}
					}
					outcomes[i] = new Object[] { count, first };
				}
			}
			else {
				outcomes[i] = new Object[] { statement.getUpdateCount(), null };
			}
			rows = statement.getMoreResults();
		}
		return outcomes;
	}

	private static int bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
		var p = first;
		for (var value : values) {
			StatementCreatorUtils.setParameterValue(statement, p++, SqlTypeValue.TYPE_UNKNOWN, value);
		}
		return p;
	}

}
