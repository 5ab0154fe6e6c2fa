package io.grassroots.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.grassroots.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history is a hash chain per stream: intact chains verify, and any change to a written entry (its details,
 * its hash, or a deleted entry) is found and pointed at. Each test tampers inside its own transaction, which is
 * rolled back, so the shared history stays intact.
 */
@IntegrationTest
@Transactional
class AuditTrailTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	VerifyAuditCommand command;

	@Autowired
	JdbcClient jdbc;

	String stream;

	@BeforeEach
	void writeAChainOfThree() {
		stream = "test/" + UUID.randomUUID();
		for (var step = 1; step <= 3; step++) {
			audit.record(new AuditRecord(stream, "test.step", "tester", "测试员", Map.of("step", step, "note", "第" + step + "步")));
		}
	}

	@Test
	void anUntouchedChainVerifies() {
		var chain = audit.stream(stream);
		assertThat(chain).extracting(AuditEntry::seq).containsExactly(1, 2, 3);
		assertThat(chain.get(1).previousHash()).isEqualTo(chain.get(0).hash());
		var result = audit.verify();
		assertThat(result.intact()).isTrue();
		assertThat(result.entries()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aBatchChainsOntoTheHeadsOfItsStreamsAndOntoItself() {
		var fresh = "test/" + UUID.randomUUID();
		var at = java.time.Instant.parse("2026-12-03T08:00:00.123456Z");
		audit.recordAll(java.util.List.of(
				new AuditTrail.Dated(new AuditRecord(stream, "test.step", "tester", "测试员", Map.of("step", 4)), at),
				new AuditTrail.Dated(new AuditRecord(fresh, "test.step", "tester", "测试员", Map.of("step", 1)), at),
				new AuditTrail.Dated(new AuditRecord(stream, "test.step", "tester", "测试员", Map.of("step", 5)), at)));

		var chain = audit.stream(stream);
		assertThat(chain).extracting(AuditEntry::seq).containsExactly(1, 2, 3, 4, 5);
		assertThat(chain.get(3).previousHash()).isEqualTo(chain.get(2).hash());
		assertThat(chain.get(4).previousHash()).isEqualTo(chain.get(3).hash());
		assertThat(chain.get(4).details()).contains("\"step\":5");
		assertThat(audit.stream(fresh)).extracting(AuditEntry::seq).containsExactly(1);
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void storedEntriesHoldTheDetailsAndHashesThePlainDefinitionGivesWhateverCameBeforeOnTheThread() throws Exception {
		var chained = "test/" + UUID.randomUUID();
		var longNote = "长".repeat(3_000) + "\u001f\"\\ \ud83d\ude00";
		var many = new TreeMap<String, Object>();
		for (var i = 0; i < 20; i++) {
			many.put("key" + i, i % 2 == 0 ? "值" + i : List.of("a" + i, "b"));
		}
		var detailsInOrder = List.<Map<String, ?>>of(Map.of("to", "REPORTED", "note", "已劝离摊贩并宣传教育"),
				Map.of("from", "REPORTED", "to", "FILED"), Map.of("note", longNote, "passed", true), many,
				Map.of("rating", "SATISFIED", "resolved", true), Map.of());
		var at = Instant.parse("2026-12-06T20:00:00.123Z");
		for (var details : detailsInOrder) {
			audit.record(new AuditRecord(chained, "test.step", "tester", "测试员", details), at);
			at = at.plusMillis(7);
		}

		var mapper = AuditTrail.mapper();
		var previous = "0".repeat(64);
		var sha = MessageDigest.getInstance("SHA-256");
		var chain = audit.stream(chained);
		assertThat(chain).hasSize(detailsInOrder.size());
		for (var i = 0; i < chain.size(); i++) {
			var entry = chain.get(i);
			var details = mapper.writeValueAsString(new TreeMap<>(detailsInOrder.get(i)));
			var hash = HexFormat.of()
				.formatHex(sha.digest(String.join("\u001f", previous, chained, Integer.toString(i + 1),
						entry.at().toString(), "tester", "test.step", details).getBytes(StandardCharsets.UTF_8)));
			assertThat(entry.details()).isEqualTo(details);
			assertThat(entry.previousHash()).isEqualTo(previous);
			assertThat(entry.hash()).isEqualTo(hash);
			previous = hash;
		}
	}

	@Test
	void changedDetailsBreakTheirOwnLink() {
		jdbc.sql("update audit_entry set details = :details where stream = :stream and seq = 2")
			.param("details", "{\"note\":\"改过了\",\"step\":2}")
			.param("stream", stream)
			.update();
		assertBrokenAt(2, "audit.broken.hash");
	}

	@Test
	void aReplacedHashBreaksThatLinkFirst() {
		jdbc.sql("update audit_entry set hash = :hash where stream = :stream and seq = 2")
			.param("hash", "f".repeat(64))
			.param("stream", stream)
			.update();
		assertBrokenAt(2, "audit.broken.hash");
	}

	@Test
	void aDeletedMiddleEntryLeavesAGapAtTheNextOne() {
		jdbc.sql("delete from audit_entry where stream = :stream and seq = 2").param("stream", stream).update();
		assertBrokenAt(3, "audit.broken.gap");
	}

	@Test
	void aRewrittenChainTailIsFoundByItsPredecessorsHash() {
		jdbc.sql("update audit_entry set previous_hash = :hash where stream = :stream and seq = 3")
			.param("hash", "0".repeat(64))
			.param("stream", stream)
			.update();
		assertBrokenAt(3, "audit.broken.previous");
	}

	@Test
	void theCommandPrintsTheFirstBrokenLinkAndExitsWithOne() {
		var out = new ByteArrayOutputStream();
		assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Audit trail intact:");

		jdbc.sql("update audit_entry set action = 'test.forged' where stream = :stream and seq = 1")
			.param("stream", stream)
			.update();
		out.reset();
		assertThat(command.verify(new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN", "stream " + stream, "seq 1",
				"This entry's hash does not match");
	}

	private void assertBrokenAt(int seq, String reason) {
		var result = audit.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.firstBroken()).extracting(AuditEntry::stream, AuditEntry::seq)
			.containsExactly(stream, seq);
		assertThat(result.reason()).isEqualTo(reason);
	}

}
