package io.grassroots.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.grassroots.testing.IntegrationTest;
import io.grassroots.shared.PendingWrites;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Appending to a stream written a moment ago uses the remembered head instead of reading it; the chain stays whole
 * when another node appended meanwhile (its head is behind) and when an append was rolled back (never remembered).
 */
@IntegrationTest
class ChainHeadTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	PendingWrites writes;

	@Test
	void anEntryOutsideATransactionIsRefusedAndNotWritten() {
		var stream = "test/" + UUID.randomUUID();

		assertThatThrownBy(() -> audit.record(record(stream, 1))).isInstanceOf(IllegalTransactionStateException.class);
		assertThatThrownBy(() -> audit.recordAfter(record(stream, 1), 0, null))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(audit.stream(stream)).isEmpty();
	}

	@Test
	void anotherNodesAppendAndARollbackLeaveTheChainWhole() {
		var stream = "test/" + UUID.randomUUID();
		var otherNode = otherNode();
		append(audit, stream, 1);
		append(audit, stream, 2);
		append(otherNode, stream, 3);
		append(audit, stream, 4);
		transactions.executeWithoutResult(status -> {
			audit.record(record(stream, 5));
			status.setRollbackOnly();
		});
		append(audit, stream, 6);

		var chain = audit.stream(stream);
		assertThat(chain).extracting(AuditEntry::seq).containsExactly(1, 2, 3, 4, 5);
		assertThat(chain).extracting(e -> e.details()).last().asString().contains("\"step\":6");
		var check = new ChainCheck();
		chain.forEach(check::check);
		assertThat(check.firstBroken).isNull();
	}

	@Test
	void queuedAppendsChainOntoTheHeadFoundWhenTheyAreSentAfterAnotherNodesAppend() {
		var stream = "test/" + UUID.randomUUID();
		var otherNode = otherNode();
		append(audit, stream, 1);
		append(otherNode, stream, 2);
		transactions.executeWithoutResult(status -> {
			writes.open();
			audit.append(record(stream, 3), clock.instant());
			audit.append(record(stream, 4), clock.instant());
			assertThat(jdbc.sql("select count(*) from audit_entry where stream = :stream")
				.param("stream", stream)
				.query(Integer.class)
				.single()).isEqualTo(2);
		});
		transactions.executeWithoutResult(status -> {
			writes.open();
			audit.append(record(stream, 5), clock.instant());
		});

		var chain = audit.stream(stream);
		assertThat(chain).extracting(AuditEntry::seq).containsExactly(1, 2, 3, 4, 5);
		assertThat(chain).extracting(AuditEntry::details)
			.containsExactly("{\"step\":1}", "{\"step\":2}", "{\"step\":3}", "{\"step\":4}", "{\"step\":5}");
		var check = new ChainCheck();
		chain.forEach(check::check);
		assertThat(check.firstBroken).isNull();
	}

	@Test
	void twoNodesAppendingToTheSameStreamsAtOnceLeaveEveryChainWholeAndEveryEntryWritten() throws Exception {
		var streams = List.of("test/" + UUID.randomUUID(), "test/" + UUID.randomUUID());
		var nodes = List.of(audit, otherNode());
		var perThread = 15;
		var workers = new ArrayList<Thread>();
		var failures = new ConcurrentLinkedQueue<Throwable>();
		for (var t = 0; t < 4; t++) {
			var node = nodes.get(t % 2);
			var first = t * perThread;
			workers.add(started(() -> {
				for (var step = first; step < first + perThread; step++) {
					var stream = streams.get(step % 2);
					var record = record(stream, step);
					try {
						// a head read just before another thread's append fails on the (stream, seq) key: again
						for (var attempt = 0;; attempt++) {
							try {
								transactions.executeWithoutResult(status -> node.record(record));
								break;
							}
							catch (DataIntegrityViolationException | CannotAcquireLockException taken) {
								if (attempt > 50) {
									throw taken;
								}
							}
						}
					}
					catch (RuntimeException e) {
						failures.add(e);
					}
				}
			}));
		}
		for (var w : workers) {
			w.join();
		}

		assertThat(failures).isEmpty();
		for (var stream : streams) {
			var chain = audit.stream(stream);
			assertThat(chain).extracting(AuditEntry::seq)
				.containsExactlyElementsOf(IntStream.rangeClosed(1, 2 * perThread).boxed().toList());
			var check = new ChainCheck();
			chain.forEach(check::check);
			assertThat(check.firstBroken).isNull();
		}
		assertThat(Stream.concat(audit.stream(streams.get(0)).stream(), audit.stream(streams.get(1)).stream())
			.map(AuditEntry::details)).hasSize(4 * perThread).doesNotHaveDuplicates();
	}

	/** Another node's trail on the same database: its own remembered heads. */
	private AuditTrail otherNode() {
		return new AuditTrail(jdbc, dataSource, clock, transactions.getTransactionManager(), writes);
	}

	private void append(AuditTrail trail, String stream, int step) {
		transactions.executeWithoutResult(status -> trail.record(record(stream, step)));
	}

	private static AuditRecord record(String stream, int step) {
		return new AuditRecord(stream, "test.step", "tester", "测试员", Map.of("step", step));
	}

	private static Thread started(Runnable work) {
		var thread = new Thread(work);
		thread.start();
		return thread;
	}

}
