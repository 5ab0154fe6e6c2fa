package io.grassroots.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the history in the caller's transaction, so a change and its history commit together or not at all,
 * and verifies the chains. Entries are never updated or deleted by the application.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder()
		.findAndAddModules()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.build();

	AuditTrail(JdbcClient jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(1000);
		this.clock = clock;
	}

	/** Appends one entry to its stream's chain; must run inside the transaction of the change it records. */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(AuditRecord record) {
		return record(record, clock.instant());
	}

	/**
	 * Appends one entry stamped with the given instant instead of the clock's: for work that replays a known past,
	 * such as demo data driven through the real transitions. The chain stays valid; order is still by sequence.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(AuditRecord record, Instant at) {
		var head = jdbc.sql("select seq, hash from audit_entry where stream = :stream order by seq desc limit 1")
			.param("stream", record.stream())
			.query((rs, n) -> new Object[] { rs.getInt(1), rs.getString(2) })
			.optional();
		var seq = head.map(h -> (Integer) h[0] + 1).orElse(1);
		var previous = head.map(h -> (String) h[1]).orElse(ChainHash.GENESIS);
		return append(record, seq, previous, at.truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * Appends the first entry of a stream that cannot have any yet (the stream of an aggregate created in this very
	 * transaction, such as a new case), stamped with the given instant: saves the read of the head. Should the stream
	 * exist after all, the insert fails on the unique (stream, seq) key and the transaction rolls back.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry recordFirst(AuditRecord record, Instant at) {
		return append(record, 1, ChainHash.GENESIS, at.truncatedTo(ChronoUnit.MILLIS));
	}

	/**
	 * Appends when the caller already knows the head of the stream (for example from its own aggregate), saving a
	 * read. A wrong head fails on the unique (stream, seq) key or on verification, never silently.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry recordAfter(AuditRecord record, int headSeq, String headHash) {
		return append(record, headSeq + 1, headSeq == 0 ? ChainHash.GENESIS : headHash,
				clock.instant().truncatedTo(ChronoUnit.MILLIS));
	}

	private AuditEntry append(AuditRecord record, int seq, String previous, Instant at) {
		var details = json.writeValueAsString(new TreeMap<>(record.details()));
		var hash = ChainHash.of(previous, record.stream(), seq, at, record.actorId(), record.action(), details);
		jdbc.sql("""
				insert into audit_entry (stream, seq, at, actor_id, actor_name, action, details, previous_hash, hash)
				values (:stream, :seq, :at, :actorId, :actorName, :action, :details, :previous, :hash)""")
			.param("stream", record.stream())
			.param("seq", seq)
			.param("at", Timestamp.from(at))
			.param("actorId", record.actorId())
			.param("actorName", record.actorName())
			.param("action", record.action())
			.param("details", details)
			.param("previous", previous)
			.param("hash", hash)
			.update();
		return new AuditEntry(0, record.stream(), seq, at, record.actorId(), record.actorName(), record.action(),
				details, previous, hash);
	}

	/** The whole chain of one stream, oldest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> stream(String stream) {
		return jdbc.sql("select * from audit_entry where stream = :stream order by seq")
			.param("stream", stream)
			.query(AuditTrail::entry)
			.list();
	}

	/** The newest entries whose stream starts with the given prefix (all streams for an empty prefix). */
	@Transactional(readOnly = true)
	public List<AuditEntry> recent(String streamPrefix, int limit) {
		return jdbc.sql("select * from audit_entry where stream like :prefix order by entry_no desc limit :limit")
			.param("prefix", streamPrefix.replace("%", "") + "%")
			.param("limit", limit)
			.query(AuditTrail::entry)
			.list();
	}

	@Transactional(readOnly = true)
	public long count() {
		return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
	}

	/**
	 * Recomputes every link, stream by stream, and returns the earliest-written broken one. Reads with a cursor, so
	 * memory stays flat however long the history is.
	 */
	@Transactional(readOnly = true)
	public Verification verify(LongConsumer progress) {
		var state = new VerifyState();
		template.query("select * from audit_entry order by stream, seq", rs -> {
			var entry = entry(rs, 0);
			state.check(entry);
			if (++state.entries % 1000 == 0) {
				progress.accept(state.entries);
			}
		});
		progress.accept(state.entries);
		return new Verification(state.entries, state.streams, state.firstBroken, state.reason);
	}

	public Verification verify() {
		return verify(n -> {
		});
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("entry_no"), rs.getString("stream"), rs.getInt("seq"),
				rs.getTimestamp("at").toInstant(), rs.getString("actor_id"), rs.getString("actor_name"),
				rs.getString("action"), rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
	}

	private static final class VerifyState {

		long entries;

		long streams;

		String stream;

		int expectedSeq;

		String expectedPrevious;

		AuditEntry firstBroken;

		String reason;

		void check(AuditEntry entry) {
			if (!entry.stream().equals(stream)) {
				stream = entry.stream();
				streams++;
				expectedSeq = 1;
				expectedPrevious = ChainHash.GENESIS;
			}
			String problem = null;
			if (entry.seq() != expectedSeq) {
				problem = "audit.broken.gap";
			}
			else if (!entry.previousHash().equals(expectedPrevious)) {
				problem = "audit.broken.previous";
			}
			else if (!entry.hash().equals(ChainHash.of(entry.previousHash(), entry.stream(), entry.seq(), entry.at(),
					entry.actorId(), entry.action(), entry.details()))) {
				problem = "audit.broken.hash";
			}
			if (problem != null && (firstBroken == null || entry.entryNo() < firstBroken.entryNo())) {
				firstBroken = entry;
				reason = problem;
			}
			expectedSeq = entry.seq() + 1;
			expectedPrevious = entry.hash();
		}

	}

}
