package io.grassroots.shared;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import com.zaxxer.hikari.HikariDataSource;
import io.grassroots.shared.PendingWrites.Write;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The driving threads' CPU and allocation per transaction of a transition's queued writes sent together on
 * PostgreSQL (lifecycle17): "before" sends them as {@code PendingWrites} did until lifecycle17 — through
 * {@code JdbcTemplate.execute(ConnectionCallback)} (a close-suppressing proxy of the connection) with every value
 * bound by {@code StatementCreatorUtils} (type unknown; instants through pgjdbc's {@code setTimestamp}) — and "after"
 * through {@link WriteCommands} as it is now. Per transaction: BEGIN, four writes shaped as a transition's (the case
 * row's UPDATE with six instants and its returned column, the history entry's nine values, the month tally, a notice
 * with nulls; as UPDATEs of one row per thread, so nothing waits for a lock), COMMIT. The sides run in turns
 * (A B B A …) in one JVM on a database of its own ({@code bench_lifecycle17_writes}, created and dropped by the caller).
 * <p>
 * {@code java -cp … io.grassroots.shared.WriteCost <jdbc url> <threads> <rounds> <transactions per turn>}
 */
public final class WriteCost {

	private static final LongAdder WORK = new LongAdder();

	private WriteCost() {
	}

	public static void main(String[] args) throws Exception {
		var threads = Integer.parseInt(args[1]);
		var rounds = Integer.parseInt(args[2]);
		var transactions = Integer.parseInt(args[3]);
		try (var dataSource = new HikariDataSource()) {
			dataSource.setJdbcUrl(args[0]);
			dataSource.setUsername("postgres");
			dataSource.setMaximumPoolSize(threads);
			var jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("drop table if exists wc_probe");
			jdbc.execute("""
					create table wc_probe (id int primary key, status text, step text, started_at timestamptz,
					warn_at timestamptz, due_at timestamptz, span bigint, dispatched_at timestamptz,
					claimed_at timestamptz, lead uuid, version bigint, flag boolean, stream text, seq int,
					at timestamptz, actor text, actor_name text, action text, details text, previous text, hash text,
					tally int, slot smallint, note text, none1 uuid, none2 text, noted_at timestamptz)""");
			for (var t = 0; t < threads; t++) {
				jdbc.update("insert into wc_probe (id, tally, flag) values (?, 0, false)", t);
			}
			var template = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			var after = new WriteCommands(jdbc, true);
			var pool = Executors.newFixedThreadPool(threads);
			run(pool, threads, transactions, template, jdbc, after, true);
			run(pool, threads, transactions, template, jdbc, after, false);
			for (var round = 1; round <= rounds; round++) {
				for (var before : round % 2 == 1 ? new boolean[] { true, false, false, true }
						: new boolean[] { false, true, true, false }) {
					var r = run(pool, threads, transactions, template, jdbc, after, before);
					System.out.printf("round %d %-6s %d thread(s): %,8.0f ns CPU and %,6.0f bytes per transaction; load %s%n",
							round, before ? "before" : "after", threads, r[0], r[1], load());
				}
			}
			pool.shutdown();
		}
		System.out.println("work done " + WORK.sum());
	}

	private static String load() throws Exception {
		return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
	}

	/** Per transaction: the driving threads' CPU (ns) and bytes allocated. */
	private static double[] run(java.util.concurrent.ExecutorService pool, int threads, int transactions,
			TransactionTemplate template, JdbcTemplate jdbc, WriteCommands after, boolean before) throws Exception {
		var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		var tasks = new ArrayList<Callable<long[]>>();
		for (var t = 0; t < threads; t++) {
			var row = t;
			tasks.add(() -> {
				var id = Thread.currentThread().getId();
				var cpu = bean.getCurrentThreadCpuTime();
				var bytes = bean.getThreadAllocatedBytes(id);
				for (var i = 0; i < transactions; i++) {
					var writes = writes(row, i);
					template.executeWithoutResult(status -> {
						if (before) {
							sendAsBefore(jdbc, writes);
						}
						else {
							after.runTogether(writes);
						}
					});
				}
				return new long[] { bean.getCurrentThreadCpuTime() - cpu, bean.getThreadAllocatedBytes(id) - bytes };
			});
		}
		long cpu = 0;
		long bytes = 0;
		for (var f : pool.invokeAll(tasks)) {
			cpu += f.get()[0];
			bytes += f.get()[1];
		}
		double n = (double) threads * transactions;
		return new double[] { cpu / n, bytes / n };
	}

	/** A transition's four writes, shaped as the product queues them (values as its writers pass them). */
	private static List<Write> writes(int row, int i) {
		var now = Instant.parse("2026-12-06T15:40:00Z").plusNanos(1000L * i);
		Timestamp at = Timestamp.from(now);
		PendingWrites.Outcome count = (n, returned) -> {
			if (n != 1) {
				throw new IllegalStateException("row " + row + ": " + n);
			}
			WORK.increment();
		};
		return List.of(
				new Write("""
						update wc_probe set status = ?, step = ?, started_at = ?, warn_at = ?, due_at = ?, span = ?,
						dispatched_at = ?, claimed_at = ?, lead = ?, version = ? + 1 where id = ?""",
						new Object[] { "DISPATCHED", "HANDLING", at, Timestamp.from(now.plusSeconds(3600)),
								Timestamp.from(now.plusSeconds(7200)), 7200L, at, Timestamp.from(now.plusSeconds(60)),
								UUID.randomUUID(), (long) i, row },
						"flag", count),
				new Write("""
						update wc_probe set stream = ?, seq = ?, at = ?, actor = ?, actor_name = ?, action = ?, details = ?,
						previous = ?, hash = ? where id = ?""",
						new Object[] { "case:" + row, i, Timestamp.from(now.plusMillis(1)), "a0b1c2", "张三", "DISPATCH",
								"{\"department\":\"market\"}", "0f".repeat(32), "1e".repeat(32), row },
						null, count),
				new Write("update wc_probe set tally = tally + 1 where id = ? and slot is null and status = ? and step = ?",
						new Object[] { row, "DISPATCHED", "HANDLING" }, null, count),
				new Write("update wc_probe set note = ?, none1 = ?, none2 = ?, noted_at = ? where id = ?",
						new Object[] { "DEPARTMENT", null, null, at, row }, null, count));
	}

	/** As {@code WriteCommands.runTogether} sent the writes before lifecycle17. */
	private static void sendAsBefore(JdbcTemplate jdbc, List<Write> writes) {
		var parts = new ArrayList<OneCommand.Part>(writes.size());
		for (var write : writes) {
			var sql = write.returning() == null ? write.sql() : write.sql() + " returning " + write.returning();
			parts.add(new OneCommand.Part(sql, (statement, first) -> {
				var p = first;
				for (var value : write.values()) {
					StatementCreatorUtils.setParameterValue(statement, p++, SqlTypeValue.TYPE_UNKNOWN, value);
				}
				return p;
			}));
		}
		var outcomes = jdbc.execute((ConnectionCallback<Object[][]>) connection -> OneCommand.run(connection, parts));
		for (var i = 0; i < writes.size(); i++) {
			writes.get(i).then().written((Integer) outcomes[i][0], outcomes[i][1]);
		}
	}

}
