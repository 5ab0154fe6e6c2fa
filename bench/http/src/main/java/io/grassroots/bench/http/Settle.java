package io.grassroots.bench.http;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The same settled start for every measured phase of the intake bench, and what each phase wrote (decision 0034).
 * A checkpoint's sync phase flushes every data page written since the previous checkpoint — by the checkpointer and
 * by the backends that evicted them — so a phase that runs after a heavy one inherits its WAL (a checkpoint requested
 * by WAL volume comes sooner) and its dirty pages (the fsyncs take longer). Before each phase: {@code CHECKPOINT},
 * then wait (bounded) until the host's page cache holds little dirty data, outside the measured time and printed.
 * Then the phase's own writes, and only those, decide when its next checkpoint comes and how much that one flushes.
 */
final class Settle {

	/** Dirty page cache (KB) below which the host counts as settled; other people's work keeps some dirty. */
	private static final long SETTLED_DIRTY_KB = 64 * 1024;

	private static final long MAX_WAIT_MS = 20_000;

	private final String adminUrl;

	private final String user;

	Settle(String adminUrl, String user) {
		this.adminUrl = adminUrl;
		this.user = user;
	}

	/**
	 * The cluster's write counters at one instant: the WAL position and how far it is past the last checkpoint's redo
	 * point (a checkpoint is requested when that reaches max_wal_size / (1 + checkpoint_completion_target)), the
	 * checkpoints started and their accumulated write and sync time (added when a checkpoint completes), the buffers
	 * written by checkpointer, background writer and backends, and the host's dirty page cache.
	 */
	record Snapshot(long walLsn, long sinceRedo, long timed, long requested, double writeMs, double syncMs,
			long buffersCheckpoint, long buffersClean, long buffersBackend, long dirtyKb) {
	}

	Snapshot snapshot() {
		try (Connection c = DriverManager.getConnection(adminUrl, user, "");
				var rs = c.createStatement().executeQuery("""
						select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
						pg_wal_lsn_diff(pg_current_wal_lsn(), (pg_control_checkpoint()).redo_lsn)::bigint,
						b.checkpoints_timed, b.checkpoints_req, b.checkpoint_write_time, b.checkpoint_sync_time,
						b.buffers_checkpoint, b.buffers_clean, b.buffers_backend from pg_stat_bgwriter b""")) {
			rs.next();
			return new Snapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5),
					rs.getDouble(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), StallProbe.Disk.now().dirtyKb());
		}
		catch (SQLException e) {
			System.out.println("  write counters not read: " + e.getMessage());
			return null;
		}
	}

	/** One line: what the cluster wrote between two snapshots, per request of the phase (whole cluster). */
	static String between(String label, Snapshot a, Snapshot b, long requests) {
		if (a == null || b == null || requests == 0) {
			return "";
		}
		var wal = b.walLsn - a.walLsn;
		return String.format(Locale.ROOT,
				"             writes of %s (whole cluster): WAL %.1f MB (%.2f KB per request), %.0f MB past the last "
						+ "checkpoint's redo at the start; checkpoints started %d by time, %d requested, completed ones' "
						+ "write %.1f s and sync %.2f s; buffers written by checkpointer %d, background writer %d, "
						+ "backends %d (%.2f per request); host dirty %d MB at the start, %d MB at the end%n",
				label, wal / 1e6, wal / 1024.0 / requests, a.sinceRedo / 1e6, b.timed - a.timed,
				b.requested - a.requested, (b.writeMs - a.writeMs) / 1000, (b.syncMs - a.syncMs) / 1000,
				b.buffersCheckpoint - a.buffersCheckpoint, b.buffersClean - a.buffersClean,
				b.buffersBackend - a.buffersBackend, (b.buffersBackend - a.buffersBackend) / (double) requests,
				a.dirtyKb / 1024, b.dirtyKb / 1024);
	}

	/**
	 * {@code CHECKPOINT}, then wait until the host's dirty page cache is below 64 MB (at most 20 s: other people's
	 * processes write too); prints what it did. The checkpoint flushes what the previous phase left in shared buffers
	 * and fsyncs what its backends left in the page cache, so the next phase starts with the WAL at a fresh redo point.
	 */
	void settle(String before) {
		var t0 = System.nanoTime();
		var dirty0 = StallProbe.Disk.now().dirtyKb();
		try (Connection c = DriverManager.getConnection(adminUrl, user, "")) {
			c.createStatement().execute("checkpoint");
		}
		catch (SQLException e) {
			System.out.println("  settle: checkpoint failed: " + e.getMessage());
			return;
		}
		var checkpointS = (System.nanoTime() - t0) / 1e9;
		var dirty = StallProbe.Disk.now().dirtyKb();
		var waitStart = System.currentTimeMillis();
		while (dirty > SETTLED_DIRTY_KB && System.currentTimeMillis() - waitStart < MAX_WAIT_MS) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			dirty = StallProbe.Disk.now().dirtyKb();
		}
		System.out.printf(Locale.ROOT,
				"  settle before %s: CHECKPOINT %.1f s, then host dirty %d MB -> %d MB after %.1f s more%s (not measured)%n",
				before, checkpointS, dirty0 / 1024, dirty / 1024, (System.currentTimeMillis() - waitStart) / 1000.0,
				dirty > SETTLED_DIRTY_KB ? " (still above 64 MB: other processes' writes)" : "");
	}

	/**
	 * The server's settings that decide what a phase writes and when it waits for the disk, on one line, so a figure
	 * measured on a deployment's settings (a private cluster run with deploy/postgresql.conf, decision 0035) is told
	 * from the stock one in the output.
	 */
	String writeSettings() throws SQLException {
		try (Connection c = DriverManager.getConnection(adminUrl, user, "");
				var rs = c.createStatement().executeQuery("""
						select string_agg(name || ' ' || current_setting(name), ', ' order by name) from pg_settings
						where name in ('shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'checkpoint_completion_target',
						'wal_compression', 'backend_flush_after', 'autovacuum', 'synchronous_commit', 'port')""")) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * max_wal_size in bytes, checkpoint_completion_target and checkpoint_timeout in seconds, to size a fixed-rate step
	 * that holds its own checkpoint.
	 */
	double[] checkpointSettings() throws SQLException {
		try (Connection c = DriverManager.getConnection(adminUrl, user, "");
				var rs = c.createStatement().executeQuery("""
						select (select setting::bigint * 1024 * 1024 from pg_settings where name = 'max_wal_size'),
						(select setting::float8 from pg_settings where name = 'checkpoint_completion_target'),
						(select setting::bigint from pg_settings where name = 'checkpoint_timeout')""")) {
			rs.next();
			return new double[] { rs.getDouble(1), rs.getDouble(2), rs.getDouble(3) };
		}
	}

}
