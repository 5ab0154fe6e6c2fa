package io.grassroots.bench.lifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The PostgreSQL server of the run: databases, pools, and the counters read around a measured phase. */
final class Postgres {

	private final String server;

	private final String user;

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
			if (statementsAvailable) {
				try (var rs = s.executeQuery("""
						select coalesce(sum(calls), 0), coalesce(sum(wal_bytes), 0), coalesce(sum(wal_fpi), 0),
						       coalesce(sum(calls) filter (where upper(query) in ('BEGIN', 'COMMIT', 'ROLLBACK')
						                                  or upper(query) like 'SET %%' or upper(query) like 'SHOW %%'), 0)
						from pg_stat_statements where dbid = (select oid from pg_database where datname = '%s')"""
					.formatted(database))) {
					rs.next();
					calls = rs.getLong(1);
					statementWal = rs.getLong(2);
					fullPages = rs.getLong(3);
					utility = rs.getLong(4);
				}
			}
			try (var rs = s.executeQuery("select pg_current_wal_lsn()::text, pg_database_size('" + database + "'),"
					+ " xact_commit, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = '"
					+ database + "'")) {
				rs.next();
				return new Counters(calls, utility, statementWal, fullPages, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
						rs.getLong(5), rs.getLong(6));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Vacuums a database, so that no autovacuum of earlier work writes WAL during a measured phase. */
	void vacuum(String database) {
		try (var c = DriverManager.getConnection(url(database), user, ""); var s = c.createStatement()) {
			s.execute("vacuum");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
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

	/** The statements of one database by calls since the last reset (for the report of what a lifecycle costs). */
	List<String> topStatements(String database, long lifecycles, int limit) {
		var lines = new ArrayList<String>();
		try (var c = admin(); var s = c.createStatement(); var rs = s.executeQuery("""
				select calls, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements
				where dbid = (select oid from pg_database where datname = '%s') order by calls desc limit %d"""
			.formatted(database, limit))) {
			while (rs.next()) {
				var q = rs.getString(2);
				lines.add(String.format("%7.2f  %s", rs.getLong(1) / (double) lifecycles,
						q.length() > 150 ? q.substring(0, 150) + "…" : q));
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

	record Counters(long statements, long utility, long statementWal, long fullPages, String lsn, long databaseBytes, long commits, long inserted,
			long updated, long deleted) {
	}

}
