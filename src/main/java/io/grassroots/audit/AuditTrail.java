package io.grassroots.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import io.grassroots.shared.Databases;
import io.grassroots.shared.InstantMicros;
import io.grassroots.shared.MultiRowInsert;
import io.grassroots.shared.PendingWrites;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the history in the caller's transaction, so a change and its history commit together or not at all,
 * and verifies the chains. Entries are never updated or deleted by the application.
 * <p>
 * The reads open their read-only transaction through a {@link TransactionTemplate}, not {@code @Transactional}: an
 * annotated method made the bean a CGLIB proxy, and every append of every case transition (not annotated) then went
 * through the proxy's interceptor look-up and a reflective call (bench/RESULTS.md, lifecycle, 2026-12-04 night).
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final Clock clock;

	private final ChainHeads heads = new ChainHeads();

	/** Positional (bound by the JDBC template as-is): an entry is appended on every transition of a case. */
	private static final String INSERT_INTO =
			"insert into audit_entry (stream, seq, at, actor_id, actor_name, action, details, previous_hash, hash)";

	private static final String INSERT = INSERT_INTO + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	/** The PostgreSQL types of {@link #INSERT_INTO}'s columns, for {@link MultiRowInsert}. */
	private static final List<String> TYPES = List.of("text", "int4", "timestamptz", "text", "text", "text", "text",
			"text", "text");

	private static final String INSERT_UNLESS_TAKEN = INSERT + " on conflict do nothing";

	/**
	 * {@link #INSERT} with the instant bound as its microseconds since the epoch (PostgreSQL, {@link InstantMicros}: the
	 * server does not parse its text).
	 */
	private static final String INSERT_MICROS = INSERT_INTO + " values (?, ?, " + InstantMicros.PARAMETER
			+ ", ?, ?, ?, ?, ?, ?)";

	/**
	 * {@link #INSERT_UNLESS_TAKEN} of {@link #INSERT_MICROS}, with the (stream, seq) key named as the only arbiter
	 * (PostgreSQL, like the instant's form): without it PostgreSQL also probes the generated primary key's index
	 * before the speculative insert, a key no append ever supplies (lifecycle27).
	 */
	private static final String INSERT_MICROS_UNLESS_TAKEN = INSERT_MICROS + " on conflict (stream, seq) do nothing";

	/** Whether an entry's instant goes as {@link InstantMicros} (PostgreSQL). */
	private final boolean micros;

	/**
	 * The heads of the streams of an array parameter: one statement for any number of streams, prepared once (an
	 * {@code in} list of a thousand parameters was parsed and planned anew for each count). On PostgreSQL one backward
	 * step on the unique (stream, seq) key per stream ({@link #HEADS_POSTGRES}); the form with {@code any} and a
	 * {@code max} subquery is estimated so costly there (≈ 400,000 for 2,000 streams) that PostgreSQL compiles it with
	 * JIT on every page, 25–30 ms of 60 (bench/RESULTS.md, sweep, 2026-12-03 evening). H2 knows no {@code lateral}.
	 */
	private static final String HEADS = """
			select e.stream, e.seq, e.hash from audit_entry e where e.stream = any(?)
			and e.seq = (select max(m.seq) from audit_entry m where m.stream = e.stream)""";

	private static final String HEADS_POSTGRES = """
			select h.stream, h.seq, h.hash from unnest(?) s (stream) cross join lateral (select e.stream, e.seq, e.hash
			from audit_entry e where e.stream = s.stream order by e.seq desc limit 1) h""";

	/** The heads query of this database. */
	private final String headsQuery;

	private final DetailsJson json = new DetailsJson(mapper());

	/** The read-only transaction of the reads (what {@code @Transactional(readOnly = true)} gave them). */
	private final TransactionTemplate reads;

	/** Where an append to a stream whose head is remembered waits for the transaction's other writes. */
	private final PendingWrites writes;

	AuditTrail(JdbcClient jdbc, DataSource dataSource, Clock clock, PlatformTransactionManager transactions,
			PendingWrites writes) {
		this.jdbc = jdbc;
		this.writes = writes;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.template = new JdbcTemplate(dataSource);
		this.template.setFetchSize(1000);
		this.clock = clock;
		this.micros = Databases.isPostgres(dataSource);
		this.headsQuery = micros ? HEADS_POSTGRES : HEADS;
	}

	/** Appends one entry to its stream's chain; must run inside the transaction of the change it records. */
	public AuditEntry record(AuditRecord record) {
		return record(record, clock.instant());
	}

	/**
	 * Appends one entry stamped with the given instant instead of the clock's: for work that replays a known past,
	 * such as demo data driven through the real transitions. The chain stays valid; order is still by sequence.
	 */
	public AuditEntry record(AuditRecord record, Instant at) {
		requireTransaction();
		writes.flush();
		var stamped = at.truncatedTo(ChronoUnit.MILLIS);
		var known = heads.of(record.stream());
		if (known != null) {
			var entry = append(record, known.seq() + 1, known.hash(), stamped, true);
			if (entry != null) {
				return entry;
			}
		}
		return appendAfterHead(record, stamped);
	}

	/**
	 * {@link #record(AuditRecord, Instant)} without answering the entry, so that it can wait for the transaction's
	 * other writes: when the stream's head is remembered, the entry is linked onto it and the insert queued with them
	 * ({@link PendingWrites}, decision cases-29); should the stream have moved on meanwhile (another node appended),
	 * the entry is linked onto the head read then, when they are sent. Otherwise as {@code record}.
	 */
	public void append(AuditRecord record, Instant at) {
		requireTransaction();
		var stamped = at.truncatedTo(ChronoUnit.MILLIS);
		var known = heads.of(record.stream());
		if (known == null) {
			appendAfterHead(record, stamped);
			return;
		}
		var link = link(record, known.seq() + 1, known.hash(), stamped);
		var values = values(link);
		writes.write(insert(values, true), values, null, (inserted, returned) -> {
			if (inserted == 0) {
				appendAfterHead(record, stamped);
			}
			else {
				heads.committed(link.stream(), link.seq(), link.hash());
			}
		});
	}

	/** Reads the head of the stream (after the transaction's queued writes) and appends onto it. */
	private AuditEntry appendAfterHead(AuditRecord record, Instant stamped) {
		writes.flush();
		var head = jdbc.sql("select seq, hash from audit_entry where stream = :stream order by seq desc limit 1")
			.param("stream", record.stream())
			.query((rs, n) -> new ChainHeads.Head(rs.getInt(1), rs.getString(2)))
			.optional();
		var seq = head.map(h -> h.seq() + 1).orElse(1);
		var previous = head.map(ChainHeads.Head::hash).orElse(ChainHash.GENESIS);
		return append(record, seq, previous, stamped, false);
	}

	/**
	 * Appends when the caller already knows the head of the stream (for example from its own aggregate, or because
	 * the stream is new: head 0), saving a read. A wrong head fails on the unique (stream, seq) key or on
	 * verification, never silently.
	 */
	public AuditEntry recordAfter(AuditRecord record, int headSeq, String headHash) {
		return recordAfter(record, headSeq, headHash, clock.instant());
	}

	/** {@link #recordAfter(AuditRecord, int, String)} stamped with the given instant. */
	public AuditEntry recordAfter(AuditRecord record, int headSeq, String headHash, Instant at) {
		requireTransaction();
		return append(record, headSeq + 1, headSeq == 0 ? ChainHash.GENESIS : headHash,
				at.truncatedTo(ChronoUnit.MILLIS), false);
	}

	/**
	 * Appends a batch of entries in the caller's transaction (a page of the deadline sweep, say): the heads of their
	 * streams are read in one query with the streams as one array parameter ({@link #HEADS}: index lookups on the
	 * unique (stream, seq) key; a join with a grouped subquery made PostgreSQL scan the whole table) and the entries
	 * written in multi-row inserts, in the
	 * order given, so several entries of one stream chain onto each other. A stream appended to meanwhile by another
	 * transaction fails the batch on the unique (stream, seq) key (the caller's transaction then rolls back), never
	 * silently.
	 */
	public void recordAll(List<Dated> entries) {
		requireTransaction();
		if (entries.isEmpty()) {
			return;
		}
		writes.flush();
		var heads = new HashMap<String, ChainHeads.Head>();
		var streams = entries.stream().map(e -> e.record().stream()).distinct().toArray();
		template.query(connection -> {
			var statement = connection.prepareStatement(headsQuery);
			statement.setArray(1, connection.createArrayOf("varchar", streams));
			return statement;
		}, rs -> {
			heads.put(rs.getString(1), new ChainHeads.Head(rs.getInt(2), rs.getString(3)));
		});
		insertAll(entries, heads);
	}

	/**
	 * Appends a batch of entries whose streams are new in the caller's transaction (the first entries of cases
	 * created in it), in multi-row inserts and without reading any head: the first entry of each stream is number 1
	 * after the genesis hash, and several entries of one stream chain onto each other in the order given. A stream
	 * that exists after all fails the batch on the unique (stream, seq) key, never silently.
	 */
	public void recordAllNew(List<Dated> entries) {
		recordAllNew(entries, List.of());
	}

	/**
	 * {@link #recordAllNew(List)}, with the caller's own multi-row INSERTs of the same transaction executed first and
	 * sent together with the entries' ({@link MultiRowInsert#insertAll}: on PostgreSQL one round trip instead of one per
	 * statement, decision cases-30) — for the rows the entries record, e.g. the intake writer's new cases.
	 */
	public void recordAllNew(List<Dated> entries, List<MultiRowInsert.Rows> before) {
		requireTransaction();
		if (!entries.isEmpty()) {
			insertAll(entries, new HashMap<>(), before);
		}
		else {
			MultiRowInsert.insertAll(template, before);
		}
	}

	private void insertAll(List<Dated> entries, HashMap<String, ChainHeads.Head> heads) {
		insertAll(entries, heads, List.of());
	}

	private void insertAll(List<Dated> entries, HashMap<String, ChainHeads.Head> heads,
			List<MultiRowInsert.Rows> before) {
		var rows = new ArrayList<Object[]>(entries.size());
		var written = new LinkedHashMap<String, ChainHeads.Head>();
		for (var entry : entries) {
			var record = entry.record();
			var at = entry.at().truncatedTo(ChronoUnit.MILLIS);
			var head = heads.getOrDefault(record.stream(), new ChainHeads.Head(0, ChainHash.GENESIS));
			var link = link(record, head.seq() + 1, head.hash(), at);
			rows.add(new Object[] { link.stream(), link.seq(), Timestamp.from(at), link.actorId(), link.actorName(),
					link.action(), link.details(), link.previousHash(), link.hash() });
			var next = new ChainHeads.Head(link.seq(), link.hash());
			heads.put(record.stream(), next);
			written.put(record.stream(), next);
		}
		if (before.isEmpty()) {
			MultiRowInsert.insert(template, INSERT_INTO, TYPES, rows);
		}
		else {
			var all = new ArrayList<>(before);
			all.add(MultiRowInsert.Rows.of(INSERT_INTO, TYPES, rows));
			MultiRowInsert.insertAll(template, all);
		}
		this.heads.committed(written);
	}

	/**
	 * What {@code @Transactional(propagation = MANDATORY)} did for the appends, without the transaction interceptor's
	 * work on every entry (a tenth of a case transition's Java time, bench/lifecycle): an entry must commit with the
	 * change it records, so appending outside a transaction is refused.
	 */
	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException(
					"No existing transaction found for transaction marked with propagation 'mandatory'");
		}
	}

	/** Inserts the entry; with {@code unlessTaken}, answers null instead when its sequence is taken already. */
	private AuditEntry append(AuditRecord record, int seq, String previous, Instant at, boolean unlessTaken) {
		var link = link(record, seq, previous, at);
		var values = values(link);
		var inserted = template.update(insert(values, unlessTaken), values);
		if (inserted == 0) {
			return null;
		}
		heads.committed(link.stream(), link.seq(), link.hash());
		return link;
	}

	/** The entry's values for {@link #INSERT}, or for {@link #INSERT_MICROS} when its instant is bound as a number. */
	private Object[] values(AuditEntry link) {
		var at = Timestamp.from(link.at());
		return new Object[] { link.stream(), link.seq(), micros && InstantMicros.fits(at) ? InstantMicros.of(at) : at,
				link.actorId(), link.actorName(), link.action(), link.details(), link.previousHash(), link.hash() };
	}

	/** The INSERT of {@link #values(AuditEntry)}; with {@code unlessTaken}, one that skips a taken sequence. */
	private static String insert(Object[] values, boolean unlessTaken) {
		if (values[2] instanceof Long) {
			return unlessTaken ? INSERT_MICROS_UNLESS_TAKEN : INSERT_MICROS;
		}
		return unlessTaken ? INSERT_UNLESS_TAKEN : INSERT;
	}

	/** The entry that links {@code record} onto {@code previous} as number {@code seq} of its stream (not yet stored). */
	private AuditEntry link(AuditRecord record, int seq, String previous, Instant at) {
		var details = json.write(record.details());
		var hash = ChainHash.of(previous, record.stream(), seq, at, record.actorId(), record.action(), details);
		return new AuditEntry(0, record.stream(), seq, at, record.actorId(), record.actorName(), record.action(),
				details, previous, hash);
	}

	/** How the details of an entry are written as JSON (anything {@link DetailsJson} does not write itself). */
	static JsonMapper mapper() {
		return JsonMapper.builder()
			.findAndAddModules()
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
			.build();
	}

	/** The whole chain of one stream, oldest first. */
	public List<AuditEntry> stream(String stream) {
		writes.flush();
		return reads.execute(status -> jdbc.sql("select * from audit_entry where stream = :stream order by seq")
			.param("stream", stream)
			.query(AuditTrail::entry)
			.list());
	}

	/** The newest entries whose stream starts with the given prefix (all streams for an empty prefix). */
	public List<AuditEntry> recent(String streamPrefix, int limit) {
		writes.flush();
		return reads.execute(status -> jdbc
			.sql("select * from audit_entry where stream like :prefix order by entry_no desc limit :limit")
			.param("prefix", streamPrefix.replace("%", "") + "%")
			.param("limit", limit)
			.query(AuditTrail::entry)
			.list());
	}

	public long count() {
		writes.flush();
		return reads.execute(status -> jdbc.sql("select count(*) from audit_entry").query(Long.class).single());
	}

	/**
	 * Recomputes every link, stream by stream, and returns the earliest-written broken one. Reads with a cursor, so
	 * memory stays flat however long the history is.
	 */
	public Verification verify(LongConsumer progress) {
		writes.flush();
		return reads.execute(status -> {
			var state = new ChainCheck();
			template.query("select * from audit_entry order by stream, seq", rs -> {
				var entry = entry(rs, 0);
				state.check(entry);
				if (++state.entries % 1000 == 0) {
					progress.accept(state.entries);
				}
			});
			progress.accept(state.entries);
			return new Verification(state.entries, state.streams, state.firstBroken, state.reason);
		});
	}

	public Verification verify() {
		return verify(n -> {
		});
	}

	/** An entry for {@link #recordAll}: what to append, stamped with the instant it is about. */
	public record Dated(AuditRecord record, Instant at) {
	}

	private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("entry_no"), rs.getString("stream"), rs.getInt("seq"),
				rs.getTimestamp("at").toInstant(), rs.getString("actor_id"), rs.getString("actor_name"),
				rs.getString("action"), rs.getString("details"), rs.getString("previous_hash"), rs.getString("hash"));
	}

}
