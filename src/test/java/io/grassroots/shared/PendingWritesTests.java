package io.grassroots.shared;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A transaction's queued writes are sent before it commits, in order, each outcome handed on; on PostgreSQL as one
 * multi-statement command, on H2 one after the other (decision cases-29).
 */
@IntegrationTest
class PendingWritesTests {

	private static final String INSERT = "insert into shared_pending_probe (id, note) values (?, ?)";

	private static final String UPDATE = "update shared_pending_probe set note = ? where id = ?";

	@Autowired
	PendingWrites writes;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private TransactionTemplate transactions;

	@BeforeEach
	void probe() {
		jdbc.execute("create table if not exists shared_pending_probe (id int primary key, note varchar(40))");
		jdbc.update("delete from shared_pending_probe");
		transactions = new TransactionTemplate(transactionManager);
	}

	@Test
	void withoutAnOpenedTransactionAWriteRunsAtOnce() {
		var seen = transactions.execute(status -> {
			writes.write(INSERT, 1, "now");
			return notes();
		});

		assertThat(seen).containsExactly("now");
	}

	@Test
	void queuedWritesAreSentBeforeTheCommitInTheirOrderWithTheirOutcomes() {
		var outcomes = new ArrayList<String>();
		var seenBefore = transactions.execute(status -> {
			writes.open();
			writes.write(INSERT, new Object[] { 1, "first" }, null, (count, returned) -> outcomes.add("insert " + count));
			writes.write(UPDATE, new Object[] { "second", 1 }, "note",
					(count, returned) -> outcomes.add("update " + count + " " + returned));
			writes.write(UPDATE, new Object[] { "none", 2 }, null, (count, returned) -> outcomes.add("missing " + count));
			return notes();
		});

		assertThat(seenBefore).isEmpty();
		assertThat(outcomes).containsExactly("insert 1", "update 1 second", "missing 0");
		assertThat(notes()).containsExactly("second");
	}

	@Test
	void aFlushSendsTheQueueSoThatAReadSeesIt() {
		var seen = transactions.execute(status -> {
			writes.open();
			writes.write(INSERT, 1, "queued");
			writes.flush();
			return notes();
		});

		assertThat(seen).containsExactly("queued");
	}

	@Test
	void anOutcomeMayWriteAgainAtOnce() {
		transactions.executeWithoutResult(status -> {
			writes.open();
			writes.write(UPDATE, new Object[] { "updated", 1 }, null, (count, returned) -> {
				if (count == 0) {
					writes.write(INSERT, 1, "inserted");
					writes.write(UPDATE, "updated", 1);
				}
			});
			writes.write(INSERT, 2, "after");
		});

		assertThat(notes()).containsExactly("updated", "after");
	}

	@Test
	void anOutcomeThatRefusesRollsTheWholeTransactionBack() {
		assertThatExceptionOfType(OptimisticLockingFailureException.class)
			.isThrownBy(() -> transactions.executeWithoutResult(status -> {
				writes.open();
				writes.write(INSERT, 1, "written");
				writes.write(UPDATE, new Object[] { "conflict", 9 }, null, (count, returned) -> {
					if (count != 1) {
						throw new OptimisticLockingFailureException("row 9 changed");
					}
				});
			}));

		assertThat(notes()).isEmpty();
	}

	@Test
	void aRolledBackTransactionSendsNothing() {
		var outcomes = new ArrayList<Integer>();
		transactions.executeWithoutResult(status -> {
			writes.open();
			writes.write(INSERT, new Object[] { 1, "never" }, null, (count, returned) -> outcomes.add(count));
			status.setRollbackOnly();
		});

		assertThat(outcomes).isEmpty();
		assertThat(notes()).isEmpty();
		transactions.executeWithoutResult(status -> writes.write(INSERT, 1, "next transaction, at once"));
		assertThat(notes()).containsExactly("next transaction, at once");
	}

	@Test
	void aTransactionStartedInsideAnOpenedOneWritesAtOnceInItsOwn() {
		var inner = new TransactionTemplate(transactionManager);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		var seen = new ArrayList<List<String>>();
		transactions.executeWithoutResult(status -> {
			writes.open();
			writes.write(INSERT, 1, "outer");
			inner.executeWithoutResult(s -> writes.write(INSERT, 2, "inner"));
			seen.add(notes());
			writes.write(INSERT, 3, "outer again");
			seen.add(notes());
		});

		assertThat(seen).containsExactly(List.of("inner"), List.of("inner"));
		assertThat(notes()).containsExactly("outer", "inner", "outer again");
	}

	@Test
	void theQueueGoesInTheTransactionsOneSynchronizationAfterTheBeforeCommitCallsAndItsTasksAfterTheCommit() {
		var order = new ArrayList<String>();
		var synchronizations = transactions.execute(status -> {
			writes.open();
			writes.write(new String(INSERT), new Object[] { 1, "queued first" }, null,
					(count, returned) -> order.add("sent first"));
			TransactionTasks.beforeCommit(() -> {
				order.add("call " + notes());
				writes.write(INSERT, new Object[] { 2, "queued by a call" }, null,
						(count, returned) -> order.add("sent second"));
			});
			TransactionTasks.afterCommit(() -> order.add("after commit " + notes()));
			writes.open(); // once per transaction: a second open keeps the same queue
			return TransactionSynchronizationManager.getSynchronizations().size();
		});

		assertThat(synchronizations).isOne();
		// the calls ran before the queue was sent, and what they queued went with it
		assertThat(order).containsExactly("call []", "sent first", "sent second",
				"after commit [queued first, queued by a call]");
	}

	@Test
	void theQueueIsTheOpenedTransactionsOwnAcrossAnInnerOneAndGoneAfterARollback() {
		var inner = new TransactionTemplate(transactionManager);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		transactions.executeWithoutResult(status -> {
			writes.open();
			writes.write(INSERT, 1, "outer, queued");
			inner.executeWithoutResult(s -> {
				TransactionTasks.afterCommit(() -> writes.write(INSERT, 2, "inner's task, at once"));
				writes.open();
				writes.write(INSERT, 3, "inner, queued and rolled back");
				s.setRollbackOnly();
			});
			writes.write(INSERT, 4, "outer, queued again");
			assertThat(notes()).isEmpty();
		});
		assertThat(notes()).containsExactly("outer, queued", "outer, queued again");
		transactions.executeWithoutResult(status -> writes.write(INSERT, 5, "next, at once"));
		assertThat(notes()).containsExactly("outer, queued", "outer, queued again", "next, at once");
	}

	@Test
	void everyTypeTheWritersBindIsStoredAsGivenQueuedOrAtOnce() {
		jdbc.execute("""
				create table if not exists shared_pending_types (id int primary key, at timestamp with time zone,
				big bigint, small smallint, flag boolean, uid uuid, note varchar(40), none varchar(40))""");
		jdbc.update("delete from shared_pending_types");
		var insert = "insert into shared_pending_types (id, at, big, small, flag, uid, note, none) values (?, ?, ?, ?, ?, ?, ?, ?)";
		var at = Timestamp.from(Instant.parse("2026-12-06T15:20:01.123456Z"));
		var early = Timestamp.from(Instant.parse("0900-02-28T23:59:59Z"));
		var id = UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			writes.open();
			writes.write(insert, 1, at, 7L, (short) 3, true, id, "queued", null);
			writes.write(insert, 2, early, -1L, (short) -2, false, id, "queued too", null);
		});
		transactions.executeWithoutResult(status -> writes.write(insert, 3, at, 7L, (short) 3, true, id, "at once", null));

		var rows = jdbc.query("select id, at, big, small, flag, uid, note, none from shared_pending_types order by id",
				(rs, n) -> List.of(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getLong(3), rs.getShort(4),
						rs.getBoolean(5), rs.getObject(6), rs.getString(7), String.valueOf(rs.getString(8))));
		assertThat(rows).containsExactly(
				List.of(1, at.toInstant(), 7L, (short) 3, true, id, "queued", "null"),
				List.of(2, early.toInstant(), -1L, (short) -2, false, id, "queued too", "null"),
				List.of(3, at.toInstant(), 7L, (short) 3, true, id, "at once", "null"));
	}

	@Test
	void aWriteOntoATakenKeyFailsAsADuplicateKey() {
		transactions.executeWithoutResult(status -> writes.write(INSERT, 1, "first"));

		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> transactions.executeWithoutResult(status -> {
				writes.open();
				writes.write(INSERT, 2, "second");
				writes.write(INSERT, 1, "taken");
			}));
		assertThat(notes()).containsExactly("first");
	}

	private List<String> notes() {
		return jdbc.queryForList("select note from shared_pending_probe order by id", String.class);
	}

}
