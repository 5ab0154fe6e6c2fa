package io.grassroots.bench.lifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The PostgreSQL server of the run: databases, pools, and the counters read around a measured phase. */
final class Postgres {

	private final String server;

	private final String user;

	/** The server's postmaster (the parent of every backend), once known; 0 before, or if not on this machine. */
	private int postmaster;

	Postgres(String server, String user) {
		this.server = server.endsWith("/") ? server : server + "/";
		this.user = user;
	}

	String url(String database) {
		return server + database;
	}

	String user() {
		return user;
	}

	void recreate(String database) throws SQLException {
		try (var c = admin(); var s = c.createStatement()) {
			s.execute("drop database if exists " + database + " with (force)");
			s.execute("create database " + database);
		}
	}

	HikariDataSource pool(String database, int size) {
		var config = new HikariConfig();
		config.setJdbcUrl(url(database));
		config.setUsername(user);
		config.setMaximumPoolSize(size);
		config.setPoolName("bench-" + database);
		// -Dbench.pool.maxLifetimeMillis=30000: the pools replace their connections that often (Hikari's least; default 30 min)
		config.setMaxLifetime(Long.getLong("bench.pool.maxLifetimeMillis", config.getMaxLifetime()));
		return new HikariDataSource(config);
	}

	Connection admin() throws SQLException {
		return DriverManager.getConnection(url("postgres"), user, "");
	}

	String version() {
		return one("select version()");
	}

	boolean statementsAvailable() {
		try (var c = admin(); var s = c.createStatement()) {
			s.execute("create extension if not exists pg_stat_statements");
			s.executeQuery("select count(*) from pg_stat_statements").close();
			return true;
		}
		catch (SQLException e) {
			return false;
		}
	}

	/** What the server counted so far, for one database. */
	Counters counters(String database) {
		try (var c = admin(); var s = c.createStatement()) {
			long calls = -1;
			long utility = -1;
			long statementWal = -1;
			long fullPages = -1;
			long rollbacks = -1;
			double execMillis = Double.NaN;
			if (statementsAvailable) {
				try (var rs = s.executeQuery("""
						select coalesce(sum(calls), 0), coalesce(sum(wal_bytes), 0), coalesce(sum(wal_fpi), 0),
						       coalesce(sum(total_exec_time), 0),
						       coalesce(sum(calls) filter (where upper(query) in ('BEGIN', 'COMMIT', 'ROLLBACK')
						                                  or upper(query) like 'SET %%' or upper(query) like 'SHOW %%'), 0),
						       coalesce(sum(calls) filter (where upper(query) = 'ROLLBACK'), 0)
						from pg_stat_statements where dbid = (select oid from pg_database where datname = '%s')"""
					.formatted(database))) {
					rs.next();
					calls = rs.getLong(1);
					statementWal = rs.getLong(2);
					fullPages = rs.getLong(3);
					execMillis = rs.getDouble(4);
					utility = rs.getLong(5);
					rollbacks = rs.getLong(6);
				}
			}
			long walSyncs = -1;
			try (var rs = s.executeQuery("select wal_sync from pg_stat_wal")) {
				rs.next();
				walSyncs = rs.getLong(1);
			}
			var pids = new ArrayList<Integer>();
			try (var rs = s.executeQuery("select pid from pg_stat_activity where backend_type = 'client backend' and datname = '"
					+ database + "'")) {
				while (rs.next()) {
					pids.add(rs.getInt(1));
				}
			}
			var backends = BackendCpu.Look.of(pids);
			try (var rs = s.executeQuery("select pg_current_wal_lsn()::text, pg_database_size('" + database + "'),"
					+ " xact_commit, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = '"
					+ database + "'")) {
				rs.next();
				return new Counters(calls, utility, statementWal, fullPages, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6), execMillis, walSyncs, backends, rollbacks);
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Analyzes and then vacuums a database, so that no autovacuum or autoanalyze of earlier work writes WAL during a
	 * measured phase. A plain {@code VACUUM} left the analyses pending: an autoanalyze of raw's tables (its warm-up's
	 * changes) then fell into ours' cost phase, ≈ 0.8 KB per lifecycle of {@code pg_statistic}, its TOAST table and
	 * {@code pg_class} of the other database. The {@code ANALYZE} comes first so that the {@code VACUUM} removes the
	 * dead {@code pg_statistic} rows it leaves ({@code VACUUM (ANALYZE)} left them to be pruned, with images, in the
	 * phase). bench/RESULTS.md § lifecycle, 2026-12-06 evening (wal6).
	 */
	void vacuum(String database) {
		try (var c = DriverManager.getConnection(url(database), user, ""); var s = c.createStatement()) {
			s.execute("analyze");
			s.execute("vacuum");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Where a new case's row can go after a {@code VACUUM} ({@code pg_freespacemap}, created here, so before the
	 * phase's checkpoint): {@code cases_case}'s pages, the pages whose recorded free space takes one more row of
	 * {@code row} bytes beside the reserve its {@code fillfactor} keeps, and the rows they take in all. Each such page
	 * is an old page, logged whole at its first change after a checkpoint. Empty if the database has no
	 * {@code cases_case}.
	 */
	Optional<String> caseRoom(String database, int row) {
		try (var c = DriverManager.getConnection(url(database), user, ""); var s = c.createStatement()) {
			try (var rs = s.executeQuery("select to_regclass('cases_case') is not null")) {
				if (!rs.next() || !rs.getBoolean(1)) {
					return Optional.empty();
				}
			}
			s.execute("create extension if not exists pg_freespacemap");
			try (var rs = s.executeQuery("""
					with f as (select coalesce((select split_part(o, '=', 2)::int from unnest(reloptions) o
					                            where o like 'fillfactor=%%'), 100) ff
					           from pg_class where oid = 'cases_case'::regclass),
					     p as (select avail, greatest(0, floor((avail - 8192 * (100 - ff) / 100) / (%d + 4)))::int rows
					           from pg_freespace('cases_case'), f)
					select (select ff from f), count(*), count(*) filter (where rows > 0), coalesce(sum(rows), 0),
					       (select count(*) from cases_case) from p""".formatted(row))) {
				rs.next();
				return Optional.of(String.format(
						"cases_case after the VACUUM (pg_freespacemap): fillfactor %d, %,d pages, %,d of them with room for a new "
								+ "row of %d B beside the reserve (%,d rows in all), %,d rows",
						rs.getInt(1), rs.getLong(2), rs.getLong(3), row, rs.getLong(4), rs.getLong(5)));
			}
		}
		catch (SQLException e) {
			return Optional.of("cases_case's free space not read: " + e.getMessage());
		}
	}

	/**
	 * With {@code -Dbench.fsmDump=<file>}: appends the free space map of the database's {@code cases_case} as
	 * "database, tab, page, tab, bytes free" to the file (read after the cost phase's {@code VACUUM}, before its
	 * {@code CHECKPOINT}), so that the pages the phase's new cases went to (pg_waldump) can be set beside the room
	 * they offered.
	 */
	void dumpCaseFreeSpace(String database) {
		var file = System.getProperty("bench.fsmDump");
		if (file == null) {
			return;
		}
		try (var c = DriverManager.getConnection(url(database), user, ""); var s = c.createStatement();
				var rs = s.executeQuery("select blkno, avail from pg_freespace('cases_case')");
				var out = new java.io.PrintWriter(new java.io.FileWriter(file, true))) {
			while (rs.next()) {
				out.println(database + "\t" + rs.getLong(1) + "\t" + rs.getInt(2));
			}
		}
		catch (SQLException | java.io.IOException e) {
			System.out.println("          free space not dumped: " + e.getMessage());
		}
	}

	/**
	 * With {@code -Dbench.relmap=<file>}: appends each relation of the database as "database oid/file node, tab,
	 * database: name" to the file, for naming the block references of {@code pg_waldump} over a phase (a later
	 * {@link #vacuumFull} gives the relations new file nodes).
	 */
	void mapRelations(String database) {
		var file = System.getProperty("bench.relmap");
		if (file == null) {
			return;
		}
		try (var c = DriverManager.getConnection(url(database), user, ""); var s = c.createStatement();
				var rs = s.executeQuery("select (select oid from pg_database where datname = current_database()) || '/' "
						+ "|| pg_relation_filenode(oid), current_database() || ': ' || relname from pg_class "
						+ "where pg_relation_filenode(oid) is not null");
				var out = new java.io.PrintWriter(new java.io.FileWriter(file, true))) {
			while (rs.next()) {
				out.println(rs.getString(1) + "\t" + rs.getString(2));
			}
		}
		catch (SQLException | java.io.IOException e) {
			System.out.println("          relations not mapped: " + e.getMessage());
		}
	}

	/** Rewrites every table and index of a database compactly (what the rows take without dead versions). */
	void vacuumFull(String database) {
		try (var c = DriverManager.getConnection(url(database), user, ""); var s = c.createStatement()) {
			s.execute("vacuum full");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The largest tables of a database with their indexes, in bytes per case. */
	List<String> largestTables(String database, long cases, int limit) {
		var lines = new ArrayList<String>();
		try (var c = DriverManager.getConnection(url(database), user, ""); var s = c.createStatement();
				var rs = s.executeQuery("""
						select relname, pg_total_relation_size(oid), pg_indexes_size(oid) from pg_class
						where relkind = 'r' and relnamespace = 'public'::regnamespace
						order by 2 desc limit %d""".formatted(limit))) {
			while (rs.next()) {
				lines.add(String.format("%8.0f B/case (indexes %6.0f)  %s", rs.getLong(2) / (double) cases,
						rs.getLong(3) / (double) cases, rs.getString(1)));
			}
		}
		catch (SQLException e) {
			lines.add("(" + e.getMessage() + ")");
		}
		return lines;
	}

	long walBytes(String from, String to) {
		return Long.parseLong(one("select pg_wal_lsn_diff('" + to + "', '" + from + "')::bigint"));
	}

	/** Whether pg_walinspect (PostgreSQL 15's contrib) can be created: it splits WAL into records and full-page images. */
	boolean walInspectAvailable() {
		try (var c = admin(); var s = c.createStatement()) {
			s.execute("create extension if not exists pg_walinspect");
			return true;
		}
		catch (SQLException e) {
			return false;
		}
	}

	boolean walInspectAvailable;

	/** The server's WAL counters ({@code pg_stat_wal}, whole server): records, full-page images, bytes. */
	WalCounters walCounters() {
		try (var c = admin(); var s = c.createStatement();
				var rs = s.executeQuery("select wal_records, wal_fpi, wal_bytes, pg_current_wal_lsn()::text, "
						+ "(select checkpoints_timed + checkpoints_req from pg_stat_bgwriter) from pg_stat_wal")) {
			rs.next();
			return new WalCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5));
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Starts reading the WAL from {@code from} in slices of {@code seconds} (0: one read at the end), or null without
	 * pg_walinspect.
	 */
	WalSlices slices(WalCounters from, long seconds) {
		return walInspectAvailable ? WalSlices.from(this, from.lsn(), seconds) : null;
	}

	/**
	 * The WAL between two positions (whole server) split into the records' own bytes and the full-page images' bytes,
	 * read by {@code slices} (pg_walinspect; without it only the counts of {@code pg_stat_wal}), with the record types
	 * that wrote most and the relations whose pages were logged whole. Call after the WAL up to {@code to} is flushed.
	 */
	WalSplit walSplit(WalCounters from, WalCounters to, double lifecycles, int top, WalSlices slices) {
		var records = to.records() - from.records();
		var images = to.images() - from.images();
		var total = to.bytes() - from.bytes();
		var checkpoints = to.checkpoints() - from.checkpoints();
		var lines = new ArrayList<String>();
		if (slices == null) {
			return new WalSplit(records / lifecycles, images / lifecycles, Double.NaN, Double.NaN, total / lifecycles,
					checkpoints, lines, List.of(), 0);
		}
		try (slices) {
			slices.finish(to.lsn());
			lines.addAll(slices.topTypes(lifecycles, top));
			var relations = slices.topRelations(lifecycles, top);
			if (slices.unread() > 0) {
				lines.add(String.format("(%,d bytes of the phase's WAL unread, the split is incomplete: %s; a shorter "
						+ "--wal-slice reads segments before they are recycled)", slices.unread(), slices.error()));
				return new WalSplit(records / lifecycles, images / lifecycles, Double.NaN, Double.NaN, total / lifecycles,
						checkpoints, lines, relations, slices.slices());
			}
			return new WalSplit(records / lifecycles, images / lifecycles, slices.recordBytes() / lifecycles,
					slices.imageBytes() / lifecycles, total / lifecycles, checkpoints, lines, relations, slices.slices());
		}
	}

	/** The server's {@code checkpoint_timeout} in seconds. */
	long checkpointTimeoutSeconds() {
		return Long.parseLong(one("select setting from pg_settings where name = 'checkpoint_timeout'"));
	}

	/** A server setting as shown ({@code show}). */
	String setting(String name) {
		return one("select current_setting('" + name + "')");
	}

	/**
	 * The statements of one database by calls since the last reset (for the report of what a lifecycle costs): calls
	 * per lifecycle, server execution time per call and per lifecycle (pg_stat_statements {@code mean_exec_time},
	 * {@code total_exec_time}: parse, plan and the wait for the commit's flush are not in it).
	 */
	List<String> topStatements(String database, long lifecycles, int limit) {
		return topStatements(database, lifecycles, limit, "calls desc, total_exec_time desc");
	}

	/** The same, the statements that took the server longest first. */
	List<String> slowestStatements(String database, long lifecycles, int limit) {
		return topStatements(database, lifecycles, limit, "total_exec_time desc");
	}

	private List<String> topStatements(String database, long lifecycles, int limit, String order) {
		var lines = new ArrayList<String>();
		lines.add(String.format("%7s  %9s  %9s  %8s  %s", "calls", "mean ms", "ms/cycle", "rows", "statement"));
		try (var c = admin(); var s = c.createStatement(); var rs = s.executeQuery("""
				select calls, mean_exec_time, total_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements
				where dbid = (select oid from pg_database where datname = '%s') order by %s limit %d"""
			.formatted(database, order, limit))) {
			while (rs.next()) {
				var q = rs.getString(5);
				lines.add(String.format("%7.2f  %9.4f  %9.4f  %8.2f  %s", rs.getLong(1) / (double) lifecycles, rs.getDouble(2),
						rs.getDouble(3) / lifecycles, rs.getLong(4) / (double) lifecycles,
						q.length() > 130 ? q.substring(0, 130) + "…" : q));
			}
		}
		catch (SQLException e) {
			lines.add("(" + e.getMessage() + ")");
		}
		return lines;
	}

	/** Rows updated and of them HOT (no index entry written) per table since the database was created. */
	List<String> hotUpdates(String database) {
		var lines = new ArrayList<String>();
		try (var c = DriverManager.getConnection(url(database), user, ""); var s = c.createStatement();
				var rs = s.executeQuery("""
						select relname, n_tup_upd, n_tup_hot_upd,
						       (select count(*) from pg_index i where i.indrelid = t.relid) from pg_stat_user_tables t
						where n_tup_upd > 0 order by n_tup_upd desc limit 6""")) {
			while (rs.next()) {
				lines.add(String.format("%s: %,d updated, %,d HOT (%.0f %%), %d indexes", rs.getString(1), rs.getLong(2),
						rs.getLong(3), 100.0 * rs.getLong(3) / rs.getLong(2), rs.getLong(4)));
			}
		}
		catch (SQLException e) {
			lines.add("(" + e.getMessage() + ")");
		}
		return lines;
	}

	void reset() {
		if (statementsAvailable) {
			one("select pg_stat_statements_reset()::text");
		}
	}

	void checkpoint() {
		try (var c = admin(); var s = c.createStatement()) {
			s.execute("checkpoint");
		}
		catch (SQLException e) {
			// needs superuser; the WAL figure then includes whatever full-page images fall in the phase
		}
	}

	boolean statementsAvailable;

	String one(String sql) {
		try (var c = admin(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException(sql + ": " + e.getMessage(), e);
		}
	}

	static void close(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource pool) {
			pool.close();
		}
	}

	/** {@code pg_stat_wal} and the checkpoints so far (whole server). */
	record WalCounters(long records, long images, long bytes, String lsn, long checkpoints) {
	}

	/**
	 * WAL per lifecycle: records and full-page images (counts), their bytes apart (NaN without pg_walinspect), the total
	 * ({@code pg_stat_wal.wal_bytes}); the checkpoints that began in the window; the record types that wrote most; the
	 * relations whose pages were logged whole; the slices the WAL was read in.
	 */
	record WalSplit(double records, double images, double recordBytes, double imageBytes, double bytes, long checkpoints,
			List<String> lines, List<String> relations, int slices) {

		@Override
		public String toString() {
			return String.format("%,.0f B per lifecycle = records %,.0f B (%.1f records) + full-page images %,.0f B (%.2f "
					+ "images)", bytes, recordBytes, records, imageBytes, images);
		}

	}

	record Counters(long statements, long utility, long statementWal, long fullPages, String lsn, long databaseBytes, long commits, long inserted,
			long updated, long deleted, double execMillis, long walSyncs, BackendCpu.Look backends, long rollbacks) {
	}

	/**
	 * Starts watching the database's backends from {@code first} on ({@link BackendCpu}): so that a backend that ends
	 * before the window's last look (a pool that replaces a connection) counts what it spent in the window.
	 */
	BackendCpu.Watch watchBackends(Counters first, String database) {
		if (postmaster == 0) {
			try (var c = admin(); var s = c.createStatement(); var rs = s.executeQuery("select pg_backend_pid()")) {
				rs.next();
				postmaster = BackendCpu.parentOf(rs.getInt(1));
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		}
		return BackendCpu.watch(first.backends(), postmaster, database);
	}

}
