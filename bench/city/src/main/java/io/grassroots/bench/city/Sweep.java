package io.grassroots.bench.city;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.grassroots.supervision.DeadlineSweep;

/**
 * {@code bench/run sweep [--database bench_sweep] [--open 1000000] [--changes 10000]}: the product's deadline sweep
 * (io.grassroots.supervision.DeadlineSweep, in-process against PostgreSQL) over a city whose open cases all have a
 * running clock, when {@code changes} of them cross a light at once; against the same sweep with a tenth of the
 * changes and against a plain scan of every open case, in the same run. See bench/README.md.
 */
public final class Sweep {

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		var database = options.get("database", "bench_sweep");
		var user = options.get("user", "postgres");
		var open = options.longValue("open", 1_000_000);
		var changes = (int) options.longValue("changes", 10_000);
		var url = Setup.url(options.get("host", "127.0.0.1"), (int) options.longValue("port", 5432), database);
		System.out.printf("sweep: %s, %,d open cases, %,d crossing a light at once (load %s)%n", database, open, changes,
				Load.now());
		var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		try (var db = DriverManager.getConnection(url, user, "")) {
			if (!options.values().containsKey("prepared")) {
				prepare(db, open, now);
			}
			var statements = options.values().containsKey("statements");
			if (statements) {
				statementLog(db, database, true);
			}
			try (var context = Setup.boot(url, user, false)) {
				var sweep = context.getBean(DeadlineSweep.class);
				explain(db, now);
				// Warm-up: a small window of its own.
				run(db, sweep, "warm-up", changes / 10, now.minus(3, ChronoUnit.HOURS));
				var small = run(db, sweep, "baseline: a tenth of the changes", changes / 10, now.minus(2, ChronoUnit.HOURS));
				var ours = run(db, sweep, "ours: the changes at once", changes, now.minus(1, ChronoUnit.HOURS));
				var scan = fullScan(db, now);
				System.out.println();
				System.out.printf("%-44s %10s %12s%n", "", "time", "per change");
				System.out.printf("%-44s %8.0f ms %9.0f µs%n", String.format("sweep, %,d changes", small.changes()),
						small.nanos() / 1e6, small.nanos() / 1e3 / Math.max(1, small.changes()));
				System.out.printf("%-44s %8.0f ms %9.0f µs%n", String.format("sweep, %,d changes", ours.changes()),
						ours.nanos() / 1e6, ours.nanos() / 1e3 / Math.max(1, ours.changes()));
				System.out.printf("%-44s %8.0f ms%n", String.format("plain scan of the %,d open cases (baseline)", open),
						scan / 1e6);
				if (ours.changes() != changes || small.changes() != changes / 10) {
					// a window that overlaps one of a run less than a minute ago also reads that run's changes again
					System.out.printf("the windows held other changes than the %,d and %,d moved into them (a previous run "
							+ "less than a minute ago?): no verdict; run again a minute later (load %s)%n", changes,
							changes / 10, Load.now());
				}
				else {
					System.out.printf("ratio %,d / %,d changes: %.1f× (10× = cost grows with the changes); target: %,d "
							+ "changes in < 1 s: %s (load %s)%n", changes, changes / 10,
							(double) ours.nanos() / small.nanos(), changes,
							ours.nanos() < 1e9 ? "met" : String.format("missed by %.1f×", ours.nanos() / 1e9), Load.now());
				}
			}
			finally {
				if (statements) {
					statementLog(db, database, false);
				}
			}
		}
	}

	/**
	 * Every case of the bench database becomes an open order in handling (IN_PROGRESS, HANDLE clock running since a
	 * day ago), its yellow and red instants spread over the next seven days; nothing crosses a light yet.
	 */
	private static void prepare(Connection db, long open, Instant now) throws Exception {
		var started = System.nanoTime();
		try (var s = db.createStatement()) {
			s.execute("update cases_case c set status = 'IN_PROGRESS', step = 'HANDLE', step_unit = 'MINUTES', "
					+ "step_span_seconds = 604800, parked_at = null, parked_remaining_seconds = null, "
					+ "lead_department = coalesce(c.lead_department, c.suggested_department), "
					+ "step_started_at = timestamp with time zone '" + now + "' - interval '1 day', "
					+ "warn_at = x.w, due_at = x.w + interval '1 day' from (select id, timestamp with time zone '" + now
					+ "' + interval '1 hour' + random() * interval '6 days' as w from cases_case limit " + open
					+ ") x where x.id = c.id");
			s.execute("update cases_case set status = 'EVALUATED', step = null, warn_at = null, due_at = null "
					+ "where step_started_at <> timestamp with time zone '" + now + "' - interval '1 day'"
					+ " or step_started_at is null");
			s.execute("vacuum analyze cases_case");
			try (var rs = s.executeQuery("select count(*) from cases_case where status = 'IN_PROGRESS'")) {
				rs.next();
				System.out.printf("   %,d open cases with a running clock, prepared in %.0f s%n", rs.getLong(1),
						(System.nanoTime() - started) / 1e9);
			}
		}
	}

	/** Moves {@code n} open cases' yellow instant into a one-minute window ending at {@code end}, then sweeps it. */
	/** One timed window: its wall time and the changes the sweep read in it. */
	private record Window(long nanos, int changes) {
	}

	private static Window run(Connection db, DeadlineSweep sweep, String name, int n, Instant end) throws Exception {
		try (var s = db.prepareStatement("update cases_case set warn_at = cast(? as timestamp with time zone) - random() * interval '59 seconds' "
				+ "where id in (select id from cases_case where status = 'IN_PROGRESS' and warn_at > ? limit ?)")) {
			s.setTimestamp(1, Timestamp.from(end));
			s.setTimestamp(2, Timestamp.from(Instant.now()));
			s.setInt(3, n);
			s.executeUpdate();
		}
		mark(db, name + " begin");
		var threads = ManagementFactory.getThreadMXBean();
		var cpu = threads.getCurrentThreadCpuTime();
		var workers = workersCpu();
		var started = System.nanoTime();
		var report = sweep.window(end.minusSeconds(60), end);
		var took = System.nanoTime() - started;
		cpu = threads.getCurrentThreadCpuTime() - cpu;
		var pages = workersCpu() - workers;
		mark(db, name + " end");
		System.out.printf("   %-36s %,6d changes handled (%d failed) in %,6.0f ms, sweep threads' CPU %,6.0f ms = %,4.0f µs "
				+ "per change (reading %,.0f ms, writing pages %,.0f ms) (load %s)%n", name, report.changes(),
				report.failed(), took / 1e6, (cpu + pages) / 1e6, (cpu + pages) / 1e3 / Math.max(1, report.changes()),
				cpu / 1e6, pages / 1e6, Load.now());
		if (report.changes() != n) {
			System.out.printf("   NOTE: expected %,d changes, the sweep read %,d%n", n, report.changes());
		}
		return new Window(took, report.changes());
	}

	/**
	 * With {@code --statements}: PostgreSQL logs every statement of the database with its duration (parse, bind and
	 * execute separately; parameters left out) from the connections opened afterwards (the product's pool), so that
	 * bench/sweep/statements.py can sum the server's time per statement kind between the marks of one run. The shared
	 * server has no pg_stat_statements preloaded.
	 */
	private static void statementLog(Connection db, String database, boolean on) throws Exception {
		try (var s = db.createStatement()) {
			for (var setting : new String[] { "log_min_duration_statement", "log_parameter_max_length" }) {
				s.execute("alter database " + database + (on ? " set " + setting + " = 0" : " reset " + setting));
			}
			s.execute(on ? "set log_min_duration_statement = 0" : "reset log_min_duration_statement");
		}
	}

	/** A line in the server's log (only while it logs statements): where a run begins or ends. */
	private static void mark(Connection db, String what) throws Exception {
		try (var s = db.createStatement()) {
			s.execute("select 'mark: " + what.replace("'", "") + "'");
		}
	}

	/** The CPU time so far of the sweep's page workers (the threads that write pages while the sweep reads on). */
	private static long workersCpu() {
		var threads = ManagementFactory.getThreadMXBean();
		var total = 0L;
		for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith(DeadlineSweep.PAGE_WORKER)) {
				total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
			}
		}
		return total;
	}

	/** The naive sweep's first step: read every open case's clock and work out its light. */
	private static long fullScan(Connection db, Instant now) throws Exception {
		var started = System.nanoTime();
		var lit = 0;
		try (var s = db.prepareStatement("select id, version, status, step, region, grid, lead_department, warn_at, due_at "
				+ "from cases_case where status in ('REPORTED', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'REPORTED_BACK', "
				+ "'CLOSED') and due_at is not null")) {
			s.setFetchSize(10_000);
			db.setAutoCommit(false);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					lit += rs.getTimestamp(8).toInstant().isBefore(now) ? 1 : 0;
				}
			}
			db.setAutoCommit(true);
		}
		var took = System.nanoTime() - started;
		System.out.printf("   %-36s %,6d lit cases found in %,6.0f ms (load %s)%n", "baseline: plain scan", lit, took / 1e6,
				Load.now());
		return took;
	}

	private static void explain(Connection db, Instant now) throws Exception {
		System.out.println("   the sweep's due-case query (CaseQueries.lightChanges), EXPLAIN:");
		try (var s = db.prepareStatement("explain " + """
				select id, version, status, step, region, grid, lead_department, warn_at, due_at, 'YELLOW' as turns,
				warn_at as crossed_at from cases_case where warn_at > ? and warn_at <= ? and warn_at < due_at
				union all
				select id, version, status, step, region, grid, lead_department, warn_at, due_at, 'RED' as turns,
				due_at as crossed_at from cases_case where status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED',
				'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK', 'CLOSED', 'EVALUATED', 'REJECTED', 'VOID',
				'MERGED') and due_at > ? and due_at <= ?
				order by crossed_at, id limit 2000""")) {
			for (var i = 1; i <= 4; i += 2) {
				s.setTimestamp(i, Timestamp.from(now.minusSeconds(60)));
				s.setTimestamp(i + 1, Timestamp.from(now));
			}
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					System.out.println("     " + rs.getString(1));
				}
			}
		}
	}

}
