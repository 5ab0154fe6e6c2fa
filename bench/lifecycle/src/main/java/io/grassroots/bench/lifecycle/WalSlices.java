package io.grassroots.bench.lifecycle;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The WAL of a phase read with pg_walinspect (PostgreSQL 15 contrib) in slices: every {@code --wal-slice} seconds the
 * range since the last slice, up to the server's flushed position, is read and summed. A phase that writes more than
 * {@code max_wal_size} has its first segments recycled by the checkpoints inside it, so one read at the end would miss
 * them; slices read each segment while it is still there. Per slice: {@code pg_get_wal_stats} (records and full-page
 * images in bytes by record type) and the full-page images by relation, parsed from {@code pg_get_wal_records_info}'s
 * block references ({@code rel <tablespace>/<database>/<relfilenode> fork … blk … (FPW)}; PostgreSQL 15 has no
 * {@code pg_get_wal_block_info}, which came with 16). An image's bytes are the record's {@code fpi_length} shared
 * evenly among the record's images (almost every record has one).
 */
final class WalSlices implements AutoCloseable {

	private static final Pattern IMAGE = Pattern.compile("rel (\\d+)/(\\d+)/(\\d+) fork (\\w+) blk \\d+ \\(?FPW");

	private final Postgres postgres;

	private final Connection connection;

	private final Map<String, long[]> types = new HashMap<>();

	/** (database oid, relfilenode, fork) → images, image bytes. */
	private final Map<String, double[]> relations = new HashMap<>();

	private String last;

	private int slices;

	private String error;

	/** WAL bytes that could not be read (a slice failed: its segments were recycled first); the split is then incomplete. */
	private long unread;

	private ScheduledExecutorService every;

	private WalSlices(Postgres postgres, String from) throws SQLException {
		this.postgres = postgres;
		this.connection = postgres.admin();
		this.last = from;
	}

	/** Starts at {@code from}; with {@code seconds > 0} reads a slice every {@code seconds} until {@link #finish}. */
	static WalSlices from(Postgres postgres, String from, long seconds) {
		try {
			var slices = new WalSlices(postgres, from);
			if (seconds > 0) {
				slices.every = Executors.newSingleThreadScheduledExecutor(r -> {
					var t = new Thread(r, "wal-slices");
					t.setDaemon(true);
					return t;
				});
				slices.every.scheduleWithFixedDelay(() -> slices.slice(null), seconds, seconds, TimeUnit.SECONDS);
			}
			return slices;
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Reads the last slice up to {@code to} (flushed) and stops. */
	WalSlices finish(String to) {
		if (every != null) {
			every.shutdown();
			try {
				every.awaitTermination(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		slice(to);
		return this;
	}

	private synchronized void slice(String upTo) {
		String to = upTo;
		try (var s = connection.createStatement()) {
			if (to == null) {
				to = flushed(s);
			}
			else {
				// pg_walinspect reads only flushed WAL: wait (briefly) until the phase's end is flushed
				for (var i = 0; i < 50 && lsnDiff(s, to, flushed(s)) > 0; i++) {
					s.execute("select pg_sleep(0.1)");
				}
				var flushed = flushed(s);
				if (lsnDiff(s, to, flushed) > 0) {
					unread += lsnDiff(s, to, flushed);
					to = flushed;
				}
			}
			try (var rs = s.executeQuery("select pg_wal_lsn_diff('" + to + "', '" + last + "') > 0")) {
				rs.next();
				if (!rs.getBoolean(1)) {
					return;
				}
			}
			try (var rs = s.executeQuery("""
					select "resource_manager/record_type", count, record_size, fpi_size
					from pg_get_wal_stats('%s', '%s', true) where count > 0""".formatted(last, to))) {
				while (rs.next()) {
					var sums = types.computeIfAbsent(rs.getString(1), k -> new long[3]);
					sums[0] += rs.getLong(2);
					sums[1] += rs.getLong(3);
					sums[2] += rs.getLong(4);
				}
			}
			try (var rs = s.executeQuery("""
					select fpi_length, block_ref from pg_get_wal_records_info('%s', '%s')
					where fpi_length > 0""".formatted(last, to))) {
				while (rs.next()) {
					var m = IMAGE.matcher(rs.getString(2));
					var keys = new ArrayList<String>(1);
					while (m.find()) {
						keys.add(m.group(2) + "/" + m.group(3) + (m.group(4).equals("main") ? "" : " " + m.group(4)));
					}
					for (var key : keys) {
						var sums = relations.computeIfAbsent(key, k -> new double[2]);
						sums[0] += 1;
						sums[1] += rs.getLong(1) / (double) keys.size();
					}
				}
			}
			last = to;
			slices++;
		}
		catch (SQLException e) {
			// go on from where the server is now, so the later slices still count; what was skipped is reported
			error = e.getMessage();
			try (var s = connection.createStatement()) {
				var now = to != null ? to : flushed(s);
				unread += Math.max(0, lsnDiff(s, now, last));
				last = now;
			}
			catch (SQLException again) {
				error = again.getMessage();
			}
		}
	}

	private static String flushed(java.sql.Statement s) throws SQLException {
		try (var rs = s.executeQuery("select pg_current_wal_flush_lsn()::text")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static long lsnDiff(java.sql.Statement s, String a, String b) throws SQLException {
		try (var rs = s.executeQuery("select pg_wal_lsn_diff('" + a + "', '" + b + "')::bigint")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** WAL bytes of the phase left unread (0 when the split is complete). */
	long unread() {
		return unread;
	}

	int slices() {
		return slices;
	}

	/** Why the last failed slice failed, or null. */
	String error() {
		return error;
	}

	long recordBytes() {
		return types.values().stream().mapToLong(v -> v[1]).sum();
	}

	long imageBytes() {
		return types.values().stream().mapToLong(v -> v[2]).sum();
	}

	/** The record types that wrote most, per lifecycle. */
	List<String> topTypes(double lifecycles, int top) {
		var lines = new ArrayList<String>();
		lines.add(String.format("%-28s %9s %11s %11s", "record type", "count", "record B", "image B"));
		types.entrySet().stream()
			.sorted((a, b) -> Long.compare(b.getValue()[1] + b.getValue()[2], a.getValue()[1] + a.getValue()[2]))
			.limit(top)
			.forEach(e -> lines.add(String.format("%-28s %9.2f %11.0f %11.0f", e.getKey(), e.getValue()[0] / lifecycles,
					e.getValue()[1] / lifecycles, e.getValue()[2] / lifecycles)));
		return lines;
	}

	/** The relations whose pages were logged whole, per lifecycle, named in their database. */
	List<String> topRelations(double lifecycles, int top) {
		var names = names();
		var lines = new ArrayList<String>();
		lines.add(String.format("%-56s %9s %11s", "full-page images by relation", "images", "image B"));
		relations.entrySet().stream()
			.sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1]))
			.limit(top)
			.forEach(e -> lines.add(String.format("%-56s %9.3f %11.0f", names.getOrDefault(e.getKey(), e.getKey()),
					e.getValue()[0] / lifecycles, e.getValue()[1] / lifecycles)));
		return lines;
	}

	/** Relation names for (database oid/relfilenode), looked up in each database (relfilenodes are per database). */
	private Map<String, String> names() {
		var names = new LinkedHashMap<String, String>();
		var databases = new HashMap<String, String>();
		try (var s = connection.createStatement(); var rs = s.executeQuery("select oid::text, datname from pg_database")) {
			while (rs.next()) {
				databases.put(rs.getString(1), rs.getString(2));
			}
		}
		catch (SQLException e) {
			return names;
		}
		for (var key : relations.keySet()) {
			var parts = key.split("[/ ]");
			var database = databases.get(parts[0]);
			var fork = parts.length > 2 ? " (" + parts[2] + ")" : "";
			if (database == null) {
				names.put(key, (parts[0].equals("0") ? "shared catalog " : "database " + parts[0] + " ") + parts[1] + fork);
				continue;
			}
			try (var c = DriverManager.getConnection(postgres.url(database), postgres.user(), "");
					var s = c.createStatement();
					var rs = s.executeQuery("select coalesce(pg_filenode_relation(0, " + parts[1] + ")::regclass::text, '"
							+ parts[1] + "')")) {
				rs.next();
				names.put(key, database + ": " + rs.getString(1) + fork);
			}
			catch (SQLException e) {
				names.put(key, database + ": " + parts[1] + fork);
			}
		}
		return names;
	}

	@Override
	public void close() {
		if (every != null) {
			every.shutdownNow();
		}
		try {
			connection.close();
		}
		catch (SQLException e) {
			// closing
		}
	}

}
