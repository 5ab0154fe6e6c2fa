package io.grassroots.bench.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * For {@link IntakeCost}: one bench database's work, read from the cluster's administrative database — its backends'
 * on-CPU time, its statements, buffers and commits, and the cluster's WAL position.
 */
final class Database {

	private final Connection admin;

	private final String database;

	private final String side;

	private boolean statementsLoaded = true;

	Database(String adminUrl, String user, String database, String side) throws SQLException {
		this.admin = DriverManager.getConnection(adminUrl, user, "");
		this.database = database;
		this.side = side;
	}

	/** The counters at one instant: backends' CPU per pid (ns), statements, buffers, commits, WAL position. */
	record Counters(Map<Integer, Long> cpu, long statements, long buffers, long commits, long wal) {
	}

	Counters counters() throws SQLException {
		var cpu = new HashMap<Integer, Long>();
		try (var s = admin.prepareStatement("select pid from pg_stat_activity where datname = ?")) {
			s.setString(1, database);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					cpu.put(rs.getInt(1), schedstat(rs.getInt(1)));
				}
			}
		}
		long statements = 0;
		long buffers = 0;
		if (statementsLoaded) {
			try (var s = admin.prepareStatement("""
					select coalesce(sum(calls), 0), coalesce(sum(shared_blks_hit + shared_blks_read), 0)
					from pg_stat_statements where dbid = (select oid from pg_database where datname = ?)""")) {
				s.setString(1, database);
				try (var rs = s.executeQuery()) {
					rs.next();
					statements = rs.getLong(1);
					buffers = rs.getLong(2);
				}
			}
			catch (SQLException e) {
				statementsLoaded = false; // pg_stat_statements not loaded in this cluster
			}
		}
		long commits;
		long wal;
		try (var s = admin.prepareStatement("""
				select xact_commit, pg_current_wal_lsn() - '0/0'::pg_lsn from pg_stat_database where datname = ?""")) {
			s.setString(1, database);
			try (var rs = s.executeQuery()) {
				rs.next();
				commits = rs.getLong(1);
				wal = rs.getLong(2);
			}
		}
		return new Counters(cpu, statements, buffers, commits, wal);
	}

	/** Backends' CPU µs, statements, buffers, commits and WAL bytes per request between two readings. */
	static double[] perRequest(Counters before, Counters after, long n) {
		long cpu = 0;
		for (var e : after.cpu().entrySet()) {
			cpu += Math.max(0, e.getValue() - before.cpu().getOrDefault(e.getKey(), 0L));
		}
		var k = (double) Math.max(1, n);
		return new double[] { cpu / 1e3 / k, (after.statements() - before.statements()) / k,
				(after.buffers() - before.buffers()) / k, (after.commits() - before.commits()) / k,
				(after.wal() - before.wal()) / k };
	}

	/** Prints the database's statements (whole run): calls, rows, time, buffers and WAL per call. */
	void statements() {
		if (!statementsLoaded) {
			return;
		}
		try (var s = admin.prepareStatement("""
				select calls, rows, total_exec_time, total_plan_time, plans, shared_blks_hit + shared_blks_read, wal_bytes,
				left(regexp_replace(query, '\\s+', ' ', 'g'), 90) from pg_stat_statements
				where dbid = (select oid from pg_database where datname = ?) and calls >= 100 order by calls desc""")) {
			s.setString(1, database);
			try (var rs = s.executeQuery()) {
				var lines = new ArrayList<String>();
				while (rs.next()) {
					var calls = rs.getLong(1);
					lines.add(String.format(Locale.ROOT,
							"%s statements: %d calls, %.1f rows, exec %.1f µs, plans %d (%.1f µs), buffers %.1f, WAL %.0f B | %s",
							side, calls, rs.getLong(2) / (double) calls, rs.getDouble(3) * 1e3 / calls, rs.getLong(5),
							rs.getDouble(4) * 1e3 / calls, rs.getLong(6) / (double) calls,
							rs.getDouble(7) / calls, rs.getString(8)));
				}
				lines.forEach(System.out::println);
			}
		}
		catch (SQLException e) {
			System.out.println(side + " statements: " + e.getMessage());
		}
	}

	private static long schedstat(int pid) {
		try {
			return Long.parseLong(Files.readString(Path.of("/proc", Integer.toString(pid), "schedstat")).split(" ")[0]);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}

}
