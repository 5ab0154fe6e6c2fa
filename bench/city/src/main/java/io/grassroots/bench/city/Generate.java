package io.grassroots.bench.city;

import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.grassroots.shared.PersonalData;
import io.grassroots.shared.PersonalDataProperties;
import org.postgresql.PGConnection;

/**
 * {@code bench/run generate [--cases N] [--database bench_city] [--workers W] [--open-share S]}: a city of N cases
 * (default 10,000,000) in PostgreSQL through the product's own schema. See bench/README.md.
 */
public final class Generate {

	static final int BATCH = 5_000;

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		var cases = options.longValue("cases", 10_000_000);
		var database = options.get("database", "bench_city");
		var workers = (int) options.longValue("workers", Math.max(2, Runtime.getRuntime().availableProcessors() + 1));
		var openBias = Double.parseDouble(options.get("open-bias", "1"));
		var host = options.get("host", "127.0.0.1");
		var port = (int) options.longValue("port", 5432);
		var user = options.get("user", "postgres");
		var data = Path.of(options.get("data", "../shared/data/complaints"));
		var url = Setup.url(host, port, database);
		var started = System.nanoTime();
		System.out.printf("generate: %,d cases into %s (%d workers)%n", cases, database, workers);

		Setup.recreate(host, port, user, database);
		System.out.println("1. the product's migrations, seed and demo network (booting the application) …");
		City city;
		try (var context = Setup.boot(url, user, true)) {
			try (var c = DriverManager.getConnection(url, user, "")) {
				city = City.read(c);
			}
			System.out.printf("   %d communities, %d with grids, %d departments, %d leaf categories%n",
					city.communities.size(), city.communities.stream().filter(x -> !x.grids().isEmpty()).count(),
					city.allDepartments.size(), city.categories.size());
			System.out.println("   bench accounts: a dispatcher and a grid worker per street, a handler per department …");
			Setup.accounts(context, city);
		}
		var setupSeconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("   done in %.0f s%n", setupSeconds);

		var corpus = Corpus.load(data);
		System.out.println("2. real data: " + corpus.source);
		CaseMaker.Accounts accounts;
		try (var c = DriverManager.getConnection(url, user, "")) {
			accounts = accounts(c, city);
		}
		var reporters = reporters();

		Schema schema;
		try (var c = DriverManager.getConnection(url, user, "")) {
			schema = Schema.drop(c);
		}
		System.out.printf("3. loading (keys and %d indexes dropped, rebuilt after the load) …%n", schema.indexes.size());
		var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		var start = LocalDate.of(2021, 1, 1).atStartOfDay(CaseMaker.BEIJING).toInstant();
		var tally = new ConcurrentHashMap<String, long[]>();
		CaseMaker.Tally counter = (at, region, department, columns) -> {
			var key = YearMonth.from(at.atZone(CaseMaker.BEIJING)) + "|" + region + "|" + department;
			var row = tally.computeIfAbsent(key, k -> new long[TALLY.size()]);
			synchronized (row) {
				for (var col : columns) {
					row[TALLY.indexOf(col)]++;
				}
			}
		};
		var next = new AtomicLong();
		var done = new LongAdder();
		var rows = new LongAdder();
		var loadStarted = System.nanoTime();
		var threads = new ArrayList<Thread>();
		var failure = new Exception[1];
		for (var w = 0; w < workers; w++) {
			var maker = new CaseMaker(city, corpus, accounts, reporters, start, now, openBias, counter);
			var t = new Thread(() -> {
				try (var c = DriverManager.getConnection(url, user, "")) {
					c.createStatement().execute("set synchronous_commit = off");
					var copy = c.unwrap(PGConnection.class).getCopyAPI();
					var batch = new CaseMaker.Batch();
					long from;
					while ((from = next.getAndAdd(BATCH)) < cases) {
						var to = Math.min(cases, from + BATCH);
						for (var i = from; i < to; i++) {
							maker.make(i, batch);
						}
						for (var table : batch.all()) {
							if (table.count > 0) {
								copy.copyIn(table.sql(), new StringReader(table.rows.toString()));
								rows.add(table.count);
								table.clear();
							}
						}
						done.add(to - from);
					}
				}
				catch (Exception e) {
					failure[0] = e;
					e.printStackTrace();
				}
			});
			t.start();
			threads.add(t);
		}
		var progress = progress(cases, done, rows, loadStarted);
		for (var t : threads) {
			t.join();
		}
		progress.interrupt();
		if (failure[0] != null) {
			throw failure[0];
		}
		var loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
		System.out.printf("   %,d cases, %,d rows in %.0f s: %,.0f cases/s, %,.0f rows/s%n", cases, rows.sum(),
				loadSeconds, cases / loadSeconds, rows.sum() / loadSeconds);

		try (var c = DriverManager.getConnection(url, user, "")) {
			households(c, city);
			monthTally(c, tally);
		}
		System.out.println("4. keys and indexes …");
		var indexStarted = System.nanoTime();
		schema.restore(url, user, 2);
		var indexSeconds = (System.nanoTime() - indexStarted) / 1e9;
		System.out.println("5. vacuum analyze …");
		var vacuumStarted = System.nanoTime();
		try (var c = DriverManager.getConnection(url, user, ""); var s = c.createStatement()) {
			s.execute("vacuum analyze");
		}
		var vacuumSeconds = (System.nanoTime() - vacuumStarted) / 1e9;
		report(url, user, cases, setupSeconds, loadSeconds, indexSeconds, vacuumSeconds,
				(System.nanoTime() - started) / 1e9);
	}

	static final List<String> TALLY = List.of("dispatched", "returned", "claimed_on_time", "reworked", "extended",
			"closed", "closed_grid", "closed_community", "closed_department", "rated", "resolved", "satisfied");

	private static void monthTally(Connection c, Map<String, long[]> tally) throws Exception {
		// All of the generated history in slot 0 of its month, place and department (decision evaluation-01: readers
		// sum over slots; the slots only spread concurrent transitions over rows).
		var out = new Copy("evaluation_month_tally", "tally_month, region, department, slot, " + String.join(", ", TALLY));
		try (var s = c.createStatement()) {
			// The demo's own events counted into the same rows: add ours on top.
			s.execute("create temporary table bench_tally (like evaluation_month_tally)");
		}
		tally.forEach((key, counts) -> {
			var k = key.split("\\|");
			out.add(k[0]).add(k[1]).add(k[2]).add(0);
			for (var n : counts) {
				out.add(n);
			}
			out.end();
		});
		c.unwrap(PGConnection.class).getCopyAPI()
			.copyIn(out.sql().replace("evaluation_month_tally", "bench_tally"), new StringReader(out.rows.toString()));
		var sum = String.join(", ", TALLY.stream().map(t -> t + " = t." + t + " + b." + t).toList());
		try (var s = c.createStatement()) {
			s.execute("update evaluation_month_tally t set " + sum + " from bench_tally b where b.tally_month = t.tally_month and b.region = t.region and b.department = t.department and b.slot = t.slot");
			s.execute("insert into evaluation_month_tally select * from bench_tally b where not exists (select 1 from "
					+ "evaluation_month_tally t where b.tally_month = t.tally_month and b.region = t.region and "
					+ "b.department = t.department and b.slot = t.slot)");
		}
		System.out.printf("   evaluation_month_tally: %,d month × place × department rows%n", tally.size());
	}

	/** Households for every grid of the demo network, 150–450 each (register rows, no personal numbers). */
	private static void households(Connection c, City city) throws Exception {
		var out = new Copy("grid_household", "id, grid, community, address, unit, room, head_name, members, tags, demo, "
				+ "registered_at, version");
		var random = new SplittableRandom(42);
		var surnames = "王李张刘陈杨马赵黄周吴徐孙胡朱高林何郭罗";
		var tags = new String[] { "", "", "", "", "", "", "", "", "ELDERLY_ALONE", "LOW_INCOME", "DISABLED", "KEY_PERSON" };
		for (var community : city.communities) {
			for (var grid : community.grids()) {
				var n = 150 + random.nextInt(300);
				for (var i = 0; i < n; i++) {
					out.add(new UUID(random.nextLong(), random.nextLong())).add(grid.id()).add(community.code())
						.add(community.name() + (1 + i / 24) + "号楼").add((Object) (1 + i % 4 + "单元"))
						.add((Object) (101 + i % 6 + "室")).add(surnames.charAt(random.nextInt(surnames.length())) + "某某（压测）")
						.add(1 + random.nextInt(5)).add(tags[random.nextInt(tags.length)]).add(true)
						.add(Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(180_000_000))).add(0).end();
				}
			}
		}
		c.unwrap(PGConnection.class).getCopyAPI().copyIn(out.sql(), new StringReader(out.rows.toString()));
		System.out.printf("   grid_household: %,d households added to the demo grids%n", out.count);
	}

	private static CaseMaker.Accounts accounts(Connection c, City city) throws Exception {
		var byName = new HashMap<String, CaseMaker.Actor>();
		try (var s = c.createStatement();
				var rs = s.executeQuery("select id, username, display_name from identity_account where username like 'bench-%'")) {
			while (rs.next()) {
				byName.put(rs.getString(2), new CaseMaker.Actor(rs.getString(1), rs.getString(3)));
			}
		}
		var dispatchers = new HashMap<String, CaseMaker.Actor>();
		var gridWorkers = new HashMap<String, CaseMaker.Actor>();
		for (var street : city.streets) {
			dispatchers.put(street, byName.get("bench-dispatcher-" + street));
			gridWorkers.put(street, byName.get("bench-grid-" + street));
		}
		var handlers = new HashMap<UUID, CaseMaker.Actor>();
		for (var d : city.allDepartments) {
			handlers.put(d.id(), byName.get(Setup.handler(d)));
		}
		return new CaseMaker.Accounts(dispatchers, gridWorkers, handlers);
	}

	/** 20,000 reporters, their names and phones encrypted with the product's own PersonalData (the bench key). */
	private static List<CaseMaker.Reporter> reporters() {
		var personal = new PersonalData(new PersonalDataProperties(Setup.PERSONAL_DATA_KEY));
		var random = new SplittableRandom(2026);
		var surnames = "王李张刘陈杨马赵黄周吴徐孙胡朱高林何郭罗";
		var out = new ArrayList<CaseMaker.Reporter>();
		for (var i = 0; i < 20_000; i++) {
			var name = surnames.charAt(random.nextInt(surnames.length())) + "先生（压测）";
			var phone = "13" + (100_000_000 + random.nextInt(900_000_000));
			out.add(new CaseMaker.Reporter(personal.encrypt(name), personal.encrypt(phone), personal.blindIndex(phone)));
		}
		return out;
	}

	private static Thread progress(long cases, LongAdder done, LongAdder rows, long started) {
		var t = new Thread(() -> {
			try {
				while (true) {
					Thread.sleep(10_000);
					var seconds = (System.nanoTime() - started) / 1e9;
					var n = done.sum();
					var rate = n / seconds;
					System.out.printf("   %,12d / %,d cases  %,8.0f cases/s  %,9.0f rows/s  ETA %4.0f s  (load %s)%n", n,
							cases, rate, rows.sum() / seconds, (cases - n) / Math.max(rate, 1), Load.now());
				}
			}
			catch (InterruptedException e) {
				// done
			}
		});
		t.setDaemon(true);
		t.start();
		return t;
	}

	private static void report(String url, String user, long cases, double setup, double load, double index,
			double vacuum, double total) throws Exception {
		try (var c = DriverManager.getConnection(url, user, ""); var s = c.createStatement()) {
			System.out.println("6. result");
			try (var rs = s.executeQuery("select status, count(*) from cases_case group by status order by 2 desc")) {
				while (rs.next()) {
					System.out.printf("   %-20s %,12d%n", rs.getString(1), rs.getLong(2));
				}
			}
			try (var rs = s.executeQuery("select relname, pg_total_relation_size(oid) from pg_class where relname in "
					+ "('cases_case', 'audit_entry', 'cases_assist', 'evaluation_case', 'evaluation_department_rating', "
					+ "'grid_household') order by 2 desc")) {
				while (rs.next()) {
					System.out.printf("   %-30s %,8.2f GB (with indexes)%n", rs.getString(1), rs.getLong(2) / 1e9);
				}
			}
			try (var rs = s.executeQuery("select pg_database_size(current_database()), (select count(*) from audit_entry)")) {
				rs.next();
				var size = rs.getLong(1);
				System.out.printf("   database %,.2f GB = %,.0f bytes per case; %,d history entries (%.1f per case)%n",
						size / 1e9, (double) size / cases, rs.getLong(2), rs.getLong(2) / (double) cases);
			}
		}
		System.out.printf("   time: setup %.0f s, load %.0f s, keys and indexes %.0f s, vacuum %.0f s, total %.0f s"
				+ " (%,.0f cases/s overall)%n", setup, load, index, vacuum, total, cases / total);
	}

}
