package io.grassroots.bench.city;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Takes the keys and indexes off the tables the load fills and puts them back afterwards, exactly as the product's
 * migrations defined them (read from the catalog, so a new migration's index is rebuilt too). Building an index over
 * sorted data once is far cheaper than maintaining it row by row during the load.
 */
final class Schema {

	static final List<String> LOADED = List.of("cases_case", "cases_assist", "audit_entry", "evaluation_case",
			"evaluation_department_rating", "grid_household");

	final List<String> primaryAndUnique = new ArrayList<>();

	final List<String> foreignKeys = new ArrayList<>();

	final List<String> indexes = new ArrayList<>();

	static Schema drop(Connection c) throws SQLException {
		var schema = new Schema();
		var tables = "'" + String.join("','", LOADED) + "'";
		var drops = new ArrayList<String>();
		try (var s = c.createStatement()) {
			try (var rs = s.executeQuery("select conrelid::regclass, conname, pg_get_constraintdef(oid), contype from pg_constraint"
					+ " where contype in ('p', 'u', 'f') and (conrelid::regclass::text in (" + tables
					+ ") or confrelid::regclass::text in (" + tables + ")) order by (contype = 'f') desc")) {
				while (rs.next()) {
					var add = "alter table " + rs.getString(1) + " add constraint " + rs.getString(2) + " " + rs.getString(3);
					(rs.getString(4).equals("f") ? schema.foreignKeys : schema.primaryAndUnique).add(add);
					drops.add("alter table " + rs.getString(1) + " drop constraint " + rs.getString(2));
				}
			}
			try (var rs = s.executeQuery("select indexdef, indexname from pg_indexes where schemaname = current_schema()"
					+ " and tablename in (" + tables + ") and indexname not in (select conname from pg_constraint)")) {
				while (rs.next()) {
					schema.indexes.add(rs.getString(1));
					drops.add("drop index " + rs.getString(2));
				}
			}
			for (var d : drops) {
				s.execute(d);
			}
		}
		return schema;
	}

	/** Rebuilds everything with {@code parallel} connections: keys first, then indexes, then foreign keys. */
	void restore(String url, String user, int parallel) throws Exception {
		run(url, user, parallel, primaryAndUnique);
		run(url, user, parallel, indexes);
		run(url, user, 1, foreignKeys);
	}

	private static void run(String url, String user, int parallel, List<String> statements) throws Exception {
		var queue = new ConcurrentLinkedQueue<>(statements);
		var threads = new ArrayList<Thread>();
		var failure = new Exception[1];
		for (var i = 0; i < parallel; i++) {
			var t = new Thread(() -> {
				try (var c = DriverManager.getConnection(url, user, ""); var s = c.createStatement()) {
					s.execute("set maintenance_work_mem = '1GB'");
					s.execute("set max_parallel_maintenance_workers = 0");
					String sql;
					while ((sql = queue.poll()) != null) {
						var started = System.nanoTime();
						s.execute(sql);
						System.out.printf("  %5.1f s  %s%n", (System.nanoTime() - started) / 1e9,
								sql.length() > 110 ? sql.substring(0, 110) + "…" : sql);
					}
				}
				catch (Exception e) {
					failure[0] = e;
				}
			});
			t.start();
			threads.add(t);
		}
		for (var t : threads) {
			t.join();
		}
		if (failure[0] != null) {
			throw failure[0];
		}
	}

}
