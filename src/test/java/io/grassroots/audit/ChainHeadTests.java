package io.grassroots.audit;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.grassroots.testing.IntegrationTest;
import io.grassroots.shared.PendingWrites;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

}
