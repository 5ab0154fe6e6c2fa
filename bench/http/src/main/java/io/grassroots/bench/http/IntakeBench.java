package io.grassroots.bench.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * bench/run intake: new cases over HTTP against the runnable jar on a fresh PostgreSQL database, at several
 * concurrencies, against raw single-row JDBC inserts of a case-shaped row (one commit each) on the same server in
 * the same run; then a run at a fixed rate of half the peak; heap and RSS sampled at 32 clients.
 */
final class IntakeBench {

	private final Options options;

	private final String database;

	private final String adminUrl;

	private final String url;

	private final String user;

	private final SecureRandom random = new SecureRandom();

	private Server server;

	private String supervisorToken;

	private String adminToken;

	private List<double[]> points;

	/** Each point's {@code "longitude":…,"latitude":…} in a report's JSON, formatted once. */
	private List<String> coordinates;

	private List<String[]> categories;

	private List<String> regions;

	private final AtomicLong keys = new AtomicLong();

	private final String runId = Long.toString(System.currentTimeMillis(), 36);

	IntakeBench(Options options) {
		this.options = options;
		this.database = options.get("database", "bench_intake");
		var base = options.get("postgres", "jdbc:postgresql://127.0.0.1:5432/");
		this.adminUrl = base + "postgres";
		this.url = base + database;
		this.user = options.get("user", "postgres");
	}

	record Level(int clients, double perSecond, double p50, double p99, long errors, long n, double appCpuMs,
			double dbCpuMs, String stalls) {

		Level(int clients, double perSecond, double p50, double p99, long errors, long n, double appCpuMs,
				double dbCpuMs) {
			this(clients, perSecond, p50, p99, errors, n, appCpuMs, dbCpuMs, "");
		}

		Level withCpu(double app, double db) {
			return new Level(clients, perSecond, p50, p99, errors, n, app / n, db / n);
		}

	}

	private Path safepointLog;

	/** CPU milliseconds so far of the server process and of every PostgreSQL backend serving the bench database. */
	private double[] cpu() throws SQLException, IOException {
		var app = server == null ? 0 : Cpu.ms(server.process.pid());
		var db = 0.0;
		try (var c = DriverManager.getConnection(adminUrl, user, "");
				var rs = c.createStatement().executeQuery(
						"select pid from pg_stat_activity where datname = '" + database + "' and backend_type = 'client backend'")) {
			while (rs.next()) {
				db += Cpu.ms(rs.getLong(1));
			}
		}
		return new double[] { app, db };
	}

	record Memory(double heapUsedMax, double heapUsedMedian, double heapCommittedMax, double rssMax,
			double rssMedian, int samples) {
	}

	void run() throws Exception {
		var clients = options.ints("clients", "1,8,32,128");
		var seconds = options.number("seconds", 15);
		var rounds = (int) options.number("rounds", 3);
		var xmx = options.get("xmx", "512m");
		// the heap committed at start, as docs/operations.md and the container image run a node (cases-26, 0020)
		var xms = options.get("xms", xmx);
		Machine.print("intake");
		System.out.printf("database: %s (fresh), server -Xms%s -Xmx%s, %d round(s) of %.0f s per level, clients %s%n",
				url, xms, xmx, rounds, seconds, Arrays.toString(clients));
		recreateDatabase();
		System.out.printf("PostgreSQL: %s%n", new Settle(adminUrl, user).writeSettings());
		var work = Files.createDirectories(Path.of("bench/intake/target"));
		var jvm = new ArrayList<String>();
		jvm.add("-Xms" + xms);
		jvm.add("-Xmx" + xmx);
		// the server's stop-the-world pauses with wall-clock times, for the stall lines of the fixed-rate step
		safepointLog = work.resolve("gc.log");
		Files.deleteIfExists(safepointLog);
		jvm.addAll(StallProbe.serverOptions(safepointLog));
		var jfr = options.get("jfr", null);
		if (jfr != null) {
			jvm.add("-XX:FlightRecorderOptions:stackdepth=512");
			jvm.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
		}
		jvm.addAll(options.list("jvm"));
		var log = work.resolve("server.log");
		server = Server.start(Path.of(options.get("jar", HttpBench.productJar())), work, jvm, serverEnvironment(), log);
		try {
			var ready = server.awaitReady(600);
			System.out.printf("server pid %d on port %d ready after %.1f s (first start on PostgreSQL, loads demo "
					+ "data); %s; log %s%n", server.process.pid(), server.port, ready, server.startedLine(), log);
			prepare();
			existingCases((int) options.number("existing-cases", 0));
			var fixedOnly = options.number("fixed-rate", 0);
			var fixedRaw = fixedRaw(fixedOnly > 0);
			if (fixedRaw) {
				seedRawFixed();
			}
			var cityAsStarted = cityAsStarted();
			writes = new Settle(adminUrl, user);
			var warm0 = writes.snapshot();
			var warmRequests = warmUp(clients, seconds);
			ours(warm0, writes.snapshot(), warmRequests);
			var repeats = (int) options.number("fixed-repeats", 1);
			var ours = new ArrayList<List<Level>>();
			var raw = new ArrayList<List<Level>>();
			var fixed = new ArrayList<Level>();
			var rawFixed = new ArrayList<Level>();
			var memory = new ArrayList<Memory>();
			var vacuum = options.get("vacuum", "rounds"); // decision 0030
			if (!"rounds".equals(vacuum) && !"none".equals(vacuum)) {
				throw new IllegalArgumentException("--vacuum must be rounds or none, not " + vacuum);
			}
			for (var round = 1; round <= rounds; round++) {
				System.out.printf("%n--- round %d of %d (load %s) ---%n", round, rounds, Machine.load());
				if (cityAsStarted != null) {
					closeAddedCases(cityAsStarted);
				}
				if ("rounds".equals(vacuum)) {
					vacuumTables();
				}
				lowestOfRound = 0;
				requestsOfRound = 0;
				var oursRound = new ArrayList<Level>();
				var rawRound = new ArrayList<Level>();
				if (fixedOnly > 0) {
					var stepSeconds = 0.0;
					for (var k = 0; k < repeats; k++) {
						stepSeconds = fixedSeconds(fixedOnly, seconds);
						settle("the fixed-rate step");
						var w0 = writes.snapshot();
						var batchesBefore = batches();
						var f = fixedRate(fixedOnly, stepSeconds);
						var batchesAfter = batches();
						var w1 = writes.snapshot();
						ours(w0, w1, f.n);
						fixed.add(f);
						System.out.printf("fixed rate %.1f/s (--fixed-rate): achieved %.1f/s p50 %.2f ms p99 %.2f ms "
								+ "(errors %d; CPU/case: server %.2f ms, PostgreSQL %.2f ms) | load %s%n", fixedOnly,
								f.perSecond, f.p50, f.p99, f.errors, f.appCpuMs, f.dbCpuMs, Machine.load());
						printBatches(batchesBefore, batchesAfter);
						System.out.print(f.stalls);
						System.out.print(Settle.between("the step", w0, w1, f.n));
					}
					if (fixedRaw) {
						rawFixed.add(rawStep(fixedOnly, stepSeconds));
					}
					continue;
				}
				for (var c : clients) {
					var sampler = c == 32 ? new MemorySampler() : null;
					settle("ours at " + c + " clients");
					var ow0 = writes.snapshot();
					var batchesBefore = batches();
					var o = http(c, seconds, sampler);
					var batchesAfter = batches();
					var ow1 = writes.snapshot();
					ours(ow0, ow1, o.n);
					oursRound.add(o);
					if (sampler != null) {
						memory.add(sampler.stop());
					}
					settle("raw at " + c + " clients");
					var rw0 = writes.snapshot();
					var r = jdbc(c, seconds);
					var rw1 = writes.snapshot();
					rawRound.add(r);
					System.out.printf("clients %3d: ours %8.1f/s p50 %7.2f ms p99 %7.2f ms (errors %d; CPU/case: server %.2f ms, "
							+ "PostgreSQL %.2f ms) | raw %8.1f/s p50 %6.2f ms p99 %6.2f ms (PostgreSQL CPU/row %.3f ms) | ratio "
							+ "%.2f | load %s%n", c, o.perSecond, o.p50, o.p99, o.errors, o.appCpuMs, o.dbCpuMs, r.perSecond,
							r.p50, r.p99, r.dbCpuMs, o.perSecond / r.perSecond, Machine.load());
					printBatches(batchesBefore, batchesAfter);
					System.out.print(Settle.between("ours", ow0, ow1, o.n));
					System.out.print(Settle.between("raw", rw0, rw1, r.n));
				}
				var peak = oursRound.stream().mapToDouble(Level::perSecond).max().orElse(0);
				var stepSeconds = 0.0;
				for (var k = 0; k < repeats; k++) {
					stepSeconds = fixedSeconds(peak / 2, seconds);
					settle("the fixed-rate step");
					var w0 = writes.snapshot();
					var batchesBefore = batches();
					var f = fixedRate(peak / 2, stepSeconds);
					var batchesAfter = batches();
					var w1 = writes.snapshot();
					fixed.add(f);
					System.out.printf("fixed rate %.1f/s (half the peak %.1f/s): achieved %.1f/s p50 %.2f ms p99 %.2f ms "
							+ "(errors %d; CPU/case: server %.2f ms, PostgreSQL %.2f ms) | load %s%n", peak / 2, peak,
							f.perSecond, f.p50, f.p99, f.errors, f.appCpuMs, f.dbCpuMs, Machine.load());
					printBatches(batchesBefore, batchesAfter);
					System.out.print(f.stalls);
					System.out.print(Settle.between("the step", w0, w1, f.n));
				}
				if (fixedRaw) {
					rawFixed.add(rawStep(peak / 2, stepSeconds));
				}
				ours.add(oursRound);
				raw.add(rawRound);
			}
			if (fixedOnly > 0) {
				reportFixed(fixed, rawFixed);
			}
			else {
				report(clients, ours, raw, fixed, rawFixed, memory);
			}
			checkDatabase();
		}
		finally {
			server.close();
		}
	}

	/**
	 * For {@link IntakeCost}: a fresh database, the server started on it (production profile, demo network) with the
	 * given extra JVM options, the bench's tokens and points prepared.
	 */
	Server startForCost(List<String> extraJvm) throws Exception {
		recreateDatabase();
		var work = Files.createDirectories(Path.of("bench/intake/target/" + database));
		var jvm = new ArrayList<String>();
		var xmx = options.get("xmx", "512m");
		jvm.add("-Xms" + options.get("xms", xmx));
		jvm.add("-Xmx" + xmx);
		jvm.addAll(extraJvm);
		server = Server.start(Path.of(options.get("jar", HttpBench.productJar())), work, jvm, serverEnvironment(),
				work.resolve("server.log"));
		var ready = server.awaitReady(900);
		System.out.printf("%s: server pid %d on port %d ready after %.1f s%n", database, server.process.pid(),
				server.port, ready);
		prepare();
		return server;
	}

	/** For {@link IntakeCost}: a closed loop of intakes over the given seconds (201 expected). */
	Level drive(int clients, double seconds) throws Exception {
		return http(clients, seconds, null);
	}

	void stop() throws InterruptedException {
		if (server != null) {
			server.close();
		}
	}

	private void recreateDatabase() throws SQLException {
		try (var c = DriverManager.getConnection(adminUrl, user, "")) {
			c.createStatement().execute("drop database if exists " + database + " with (force)");
			c.createStatement().execute("create database " + database);
			var slow = options.get("pg-log", null);
			if (slow != null) {
				// PostgreSQL's own log (its server log, not the bench's): statements slower than this and lock waits
				c.createStatement().execute("alter database " + database + " set log_min_duration_statement = "
						+ Integer.parseInt(slow));
				c.createStatement().execute("alter database " + database + " set log_lock_waits = on");
			}
		}
	}

	/** Bearer tokens (stored as the product stores them: SHA-256 of the secret), grids, categories. */
	private void prepare() throws Exception {
		try (var c = DriverManager.getConnection(url, user, "")) {
			supervisorToken = token(c, "supervisor");
			adminToken = token(c, "admin");
			points = new ArrayList<>();
			coordinates = new ArrayList<>();
			var rnd = new Random(42);
			try (var rs = c.createStatement()
				.executeQuery("select outline, min_lng, min_lat, max_lng, max_lat from grid_grid order by code")) {
				while (rs.next()) {
					var ring = Wkt.firstRing(rs.getString(1));
					var found = 0;
					for (var attempt = 0; attempt < 1000 && found < 20; attempt++) {
						var lng = rs.getDouble(2) + rnd.nextDouble() * (rs.getDouble(4) - rs.getDouble(2));
						var lat = rs.getDouble(3) + rnd.nextDouble() * (rs.getDouble(5) - rs.getDouble(3));
						if (Wkt.inside(ring, lng, lat)) {
							points.add(new double[] { lng, lat });
							coordinates.add(String.format(Locale.ROOT, "\"longitude\":%.7f,\"latitude\":%.7f", lng, lat));
							found++;
						}
					}
				}
			}
			categories = new ArrayList<>();
			try (var rs = c.createStatement().executeQuery(
					"select standard, code from cases_category where active and department_kind is not null order by 1, 2")) {
				while (rs.next()) {
					categories.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			regions = new ArrayList<>();
			try (var rs = c.createStatement().executeQuery("select distinct community from grid_grid order by 1")) {
				while (rs.next()) {
					regions.add(rs.getString(1));
				}
			}
			c.createStatement().execute("drop table if exists bench_raw_case");
			// the baseline's table: the product's case table as it is (columns, constraints, indexes)
			c.createStatement().execute("create table bench_raw_case (like cases_case including all)");
			// raw's fixed-rate step's own table (--fixed-raw), given the case table's rows before the warm-up
			c.createStatement().execute("drop table if exists bench_raw_fixed_case");
			c.createStatement().execute("create table bench_raw_fixed_case (like cases_case including all)");
		}
		System.out.printf("%d points inside %d demo grids, %d categories with a department, case table has %d rows%n",
				points.size(), regions.size() == 0 ? 0 : countGrids(), categories.size(), countCases());
	}

	/**
	 * Open cases already in the table before the run (--existing-cases=N): reported within the last 48 hours, in
	 * the load's categories, within a few hundred metres of the load's points, so the duplicate check meets what a
	 * busy city's table holds instead of an empty one. Copies of one demo case with those columns changed.
	 */
	private void existingCases(int n) throws SQLException {
		if (n <= 0) {
			return;
		}
		var started = System.nanoTime();
		try (var c = DriverManager.getConnection(url, user, "")) {
			var s = c.createStatement();
			s.execute("drop table if exists bench_seed");
			s.execute("create table bench_seed as select c.* from cases_case c cross join generate_series(1, " + n
					+ ") where c.id = (select id from cases_case where status = 'REPORTED' and longitude is not null limit 1)");
			s.execute("alter table bench_seed add column k int, add column p int");
			s.execute("update bench_seed set k = 1 + floor(random() * " + categories.size() + ")::int, p = 1 + floor(random() * "
					+ points.size() + ")::int");
			try (var ps = c.prepareStatement("""
					update bench_seed set id = gen_random_uuid(), tracking_code = substr(md5(random()::text), 1, 10),
					intake_key = null, status = 'REPORTED', category_standard = (?::text[])[k], category_code = (?::text[])[k],
					longitude = (?::float8[])[p] + (random() - 0.5) * 0.008, latitude = (?::float8[])[p] + (random() - 0.5) * 0.006,
					reported_at = now() - random() * interval '48 hours'""")) {
				ps.setArray(1, c.createArrayOf("text", categories.stream().map(x -> x[0]).toArray()));
				ps.setArray(2, c.createArrayOf("text", categories.stream().map(x -> x[1]).toArray()));
				ps.setArray(3, c.createArrayOf("float8", points.stream().map(x -> x[0]).toArray()));
				ps.setArray(4, c.createArrayOf("float8", points.stream().map(x -> x[1]).toArray()));
				ps.executeUpdate();
			}
			s.execute("alter table bench_seed drop column k, drop column p");
			s.execute("insert into cases_case select * from bench_seed");
			s.execute("drop table bench_seed");
			s.execute("vacuum analyze cases_case");
		}
		System.out.printf("%d open cases added in %.1f s (--existing-cases), case table has %d rows%n", n,
				(System.nanoTime() - started) / 1e9, countCases());
	}

	/**
	 * {@code --open-cases=as-started} (the default; {@code grow} as before): the instant from which the cases the load
	 * adds are closed again before each round, or null. A round adds 0.35–0.6 million cases since the fixed-rate step
	 * holds ours' own checkpoint (decision 0034), so without this round 3 met a table of ≈ 1.3 million open cases where
	 * round 1 met 0.3 million, and ours' duplicate check (whose index holds the open cases) cost more each round while
	 * raw's insert did not read anything (bench/RESULTS.md, quiet10). A city closes its cases at about the rate they
	 * come: every round starts with the open cases of the start (--existing-cases), on both sides.
	 */
	private Instant cityAsStarted() throws SQLException {
		var mode = options.get("open-cases", "as-started");
		if (!"as-started".equals(mode) && !"grow".equals(mode)) {
			throw new IllegalArgumentException("--open-cases must be as-started or grow, not " + mode);
		}
		if ("grow".equals(mode)) {
			return null;
		}
		try (var c = DriverManager.getConnection(url, user, ""); var s = c.createStatement();
				var rs = s.executeQuery("select now()")) {
			rs.next();
			return rs.getTimestamp(1).toInstant();
		}
	}

	/**
	 * Before a round, outside the measured time: the cases reported since {@code since} (those of the warm-up and the
	 * rounds before, ours' and raw's alike) are closed, so that each round meets the open cases of the start; the
	 * vacuum that follows ({@code --vacuum=rounds}) takes them out of the open cases' indexes.
	 */
	private void closeAddedCases(Instant since) throws SQLException {
		var started = System.nanoTime();
		long ours;
		long raw;
		try (var c = DriverManager.getConnection(url, user, "")) {
			ours = closeSince(c, "cases_case", since);
			raw = closeSince(c, "bench_raw_case", since);
			closeSince(c, "bench_raw_fixed_case", since);
		}
		System.out.printf("closed the cases added since the start (--open-cases=as-started): ours %,d, raw %,d in %.1f s; "
				+ "open now: ours %,d, raw %,d%n", ours, raw, (System.nanoTime() - started) / 1e9,
				single("select count(*) from cases_case where status <> 'CLOSED'"),
				single("select count(*) from bench_raw_case where status <> 'CLOSED'"));
		System.out.printf("  open in raw's fixed-rate table (bench_raw_fixed_case): %,d%n",
				single("select count(*) from bench_raw_fixed_case where status <> 'CLOSED'"));
	}

	private static long closeSince(Connection c, String table, Instant since) throws SQLException {
		try (var ps = c.prepareStatement("update " + table + " set status = 'CLOSED', closed_at = now(), step = null, "
				+ "step_started_at = null, warn_at = null, due_at = null where reported_at >= ? and status <> 'CLOSED'")) {
			ps.setTimestamp(1, Timestamp.from(since));
			return ps.executeUpdate();
		}
	}

	/**
	 * {@code --vacuum=rounds}: {@code vacuum} both sides' case tables before each round, outside the measured time, as
	 * autovacuum's insert threshold does on a production server (docs/operations.md) and the shared bench server (which
	 * runs with {@code autovacuum = off}) does not: without it every case stored since the start's {@code vacuum analyze}
	 * costs the duplicate check's index-only scan a heap fetch, and those grow round by round (bench/RESULTS.md § intake,
	 * intake21). The raw side's table is vacuumed too, although nothing reads it.
	 */
	private void vacuumTables() throws SQLException {
		var started = System.nanoTime();
		try (var c = DriverManager.getConnection(url, user, ""); var s = c.createStatement()) {
			s.execute("vacuum cases_case");
			s.execute("vacuum bench_raw_case");
			s.execute("vacuum bench_raw_fixed_case");
		}
		System.out.printf("vacuum of cases_case and bench_raw_case before the round (--vacuum=rounds): %.1f s%n",
				(System.nanoTime() - started) / 1e9);
	}

	private long countGrids() throws SQLException {
		return single("select count(*) from grid_grid");
	}

	private long countCases() throws SQLException {
		return single("select count(*) from cases_case");
	}

	private long single(String sql) throws SQLException {
		try (var c = DriverManager.getConnection(url, user, ""); var rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private String token(Connection c, String username) throws Exception {
		var bytes = new byte[32];
		random.nextBytes(bytes);
		var secret = "grt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		var hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		try (var ps = c.prepareStatement("""
				insert into identity_api_token (id, account, name, token_hash, created_at, version)
				select ?, id, 'bench', ?, now(), 0 from identity_account where username = ?""")) {
			ps.setObject(1, UUID.randomUUID());
			ps.setString(2, hash);
			ps.setString(3, username);
			if (ps.executeUpdate() != 1) {
				throw new IllegalStateException("no demo account " + username);
			}
		}
		return secret;
	}

	private static final String[] TITLES = { "小区门口井盖破损", "路灯夜间不亮", "占道经营影响通行", "垃圾清运不及时",
			"楼道堆放杂物", "共享单车乱停放", "施工噪音扰民", "雨水箅子堵塞" };

	/**
	 * A report's JSON: a point, a category, a title, a ~100-character description, an address, a reporter's name and
	 * phone. Appended to a builder (the point's coordinates formatted once, in {@link #coordinates}): the formatter
	 * took CPU per request from the cores the server shares.
	 */
	private byte[] body(Random rnd) {
		var point = rnd.nextInt(points.size());
		var cat = categories.get(rnd.nextInt(categories.size()));
		var title = TITLES[rnd.nextInt(TITLES.length)];
		var number = rnd.nextInt(1_000_000);
		var phone = Integer.toString(rnd.nextInt(100_000_000));
		var json = new StringBuilder(640).append("{\"channel\":\"PHONE\",\"title\":\"").append(title)
			.append("\",\"description\":\"居民来电反映：").append(title)
			.append("，已持续数日，影响周边居民正常生活和出行安全，请相关部门尽快核实处理并回复。位置在小区东侧人行道附近，早晚高峰尤为明显。编号")
			.append(number).append("\",\"categoryStandard\":\"").append(cat[0]).append("\",\"categoryCode\":\"")
			.append(cat[1]).append("\",").append(coordinates.get(point)).append(",\"address\":\"昌吉市宁边路")
			.append(rnd.nextInt(500)).append("号\",\"reporterName\":\"测试居民").append(rnd.nextInt(1000))
			.append("\",\"reporterPhone\":\"138");
		for (var k = phone.length(); k < 8; k++) {
			json.append('0');
		}
		return json.append(phone).append("\"}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private String nextKey() {
		return "bench-" + runId + "-" + keys.incrementAndGet();
	}

	/**
	 * Before the measured rounds: by default ({@code --warm-up=shapes}) every shape of load the rounds measure, once —
	 * each closed-loop level for {@code seconds} and then a fixed-rate run at half that pass's peak — so that the
	 * rounds meet a server whose JIT has compiled what these loads run, as a node that has been up for minutes under
	 * a day's varying load has (the pages bench measures warm pages the same way, after 300 warm-up requests per
	 * page kind). {@code --warm-up=<seconds>}: the earlier short warm-up, 8 clients for that long (15 s by default
	 * until 2026-12-05), whose first round still measured compilation.
	 */
	private long warmUp(int[] clients, double seconds) throws Exception {
		var mode = options.get("warm-up", "shapes");
		if (!mode.equals("shapes")) {
			var s = Math.max(10, Double.parseDouble(mode));
			var w = http(8, s, null);
			System.out.printf("warm-up: 8 clients %.0f s, %.1f/s (errors %d)%n", s, w.perSecond, w.errors);
			return w.n;
		}
		var text = new StringBuilder();
		var peak = 0.0;
		var n = 0L;
		for (var c : clients) {
			var w = http(c, seconds, null);
			n += w.n;
			peak = Math.max(peak, w.perSecond);
			text.append(String.format(Locale.ROOT, "%d clients %.1f/s, ", c, w.perSecond));
		}
		var f = fixedRate(peak / 2, seconds);
		text.append(String.format(Locale.ROOT, "fixed rate %.1f/s p99 %.1f ms", f.perSecond, f.p99));
		System.out.printf("warm-up (every shape of load once, %.0f s each): %s%n", seconds, text);
		return n + f.n;
	}

	private Settle writes;

	/**
	 * Ours' WAL per request: the lowest of this round's closed-loop levels (each starts from a checkpoint, so its
	 * first seconds carry more full-page images than a long step's average; the lowest gives the longer step), and
	 * that of the latest phase of ours.
	 */
	private double lowestOfRound;

	private long requestsOfRound;

	private double lastWalPerRequest;

	private void ours(Settle.Snapshot a, Settle.Snapshot b, long requests) {
		if (a != null && b != null && requests > 0) {
			var perRequest = (b.walLsn() - a.walLsn()) / (double) requests;
			lowestOfRound = requestsOfRound == 0 ? perRequest : Math.min(lowestOfRound, perRequest);
			requestsOfRound += requests;
			lastWalPerRequest = perRequest;
		}
	}

	/** {@code --settle=checkpoint} (the default, decision 0034): every measured phase starts from a settled state. */
	private void settle(String phase) {
		var mode = options.get("settle", "checkpoint");
		if ("checkpoint".equals(mode)) {
			writes.settle(phase);
		}
		else if (!"none".equals(mode)) {
			throw new IllegalArgumentException("--settle must be checkpoint or none, not " + mode);
		}
	}

	/**
	 * The fixed-rate step's length (decision 0034). {@code --fixed-seconds=auto} (the default): long enough that the
	 * checkpoint ours' own WAL requests at this rate, counted from the settled start, also completes inside the step —
	 * requested when the WAL since the redo point reaches max_wal_size / (1 + checkpoint_completion_target), paced to
	 * finish (its sync phase, where the stall is) about when it reaches max_wal_size — with a quarter more for a WAL
	 * rate that falls as full-page images thin out after the checkpoint; at least {@code --seconds}, at most
	 * checkpoint_timeout and {@code --fixed-max-seconds} (180). Ours' WAL per request is the lowest of this round's
	 * closed-loop levels', else the latest phase's (whole cluster: other databases' WAL makes the step shorter); printed.
	 */
	private double fixedSeconds(double rate, double seconds) throws SQLException {
		var mode = options.get("fixed-seconds", "auto");
		if (!"auto".equals(mode)) {
			return Double.parseDouble(mode);
		}
		var perRequest = requestsOfRound > 0 ? lowestOfRound : lastWalPerRequest;
		if (perRequest <= 0) {
			System.out.printf("  fixed-rate step: %.0f s (no WAL per request measured yet)%n", seconds);
			return seconds;
		}
		var settings = writes.checkpointSettings();
		var maxWal = settings[0];
		var ownCheckpointDone = maxWal / (perRequest * rate);
		var cap = Math.min(settings[2], options.number("fixed-max-seconds", 180));
		var chosen = Math.max(seconds, Math.min(cap, Math.ceil(1.25 * ownCheckpointDone)));
		System.out.printf(Locale.ROOT,
				"  fixed-rate step: %.0f s — ours wrote %.2f KB of WAL per request (the round's lowest level; whole cluster), so at %.1f/s its own checkpoint "
						+ "(requested at %.0f MB of WAL = max_wal_size / (1 + %.2f), completing near max_wal_size %.0f MB) "
						+ "completes after about %.0f s from the settled start%s%n",
				chosen, perRequest / 1024, rate, maxWal / (1 + settings[1]) / 1e6, settings[1], maxWal / 1e6,
				ownCheckpointDone, chosen < 1.25 * ownCheckpointDone ? " (capped: it may fall outside the step)" : "");
		return chosen;
	}

	/**
	 * Closed loop: each client sends its next case as soon as the previous one is answered. {@code --client=loop}
	 * (the default since intake20): one selector thread drives the clients' connections ({@link LoopHttp});
	 * {@code --client=threads}: one blocking {@link MiniHttp} thread per client, as before.
	 */
	private Level http(int clients, double seconds, MemorySampler sampler) throws Exception {
		if (loopClient()) {
			return loopLevel(clients, seconds, sampler);
		}
		return closedLoop(clients, seconds, sampler, (worker, rnd) -> {
			var http = (MiniHttp) worker;
			var response = http.post("/api/cases", supervisorToken, nextKey(), body(rnd));
			return answered(response.status(), response.body());
		}, () -> new MiniHttp("127.0.0.1", server.port));
	}

	private boolean loopClient() {
		var client = options.get("client", "loop");
		if (!client.equals("loop") && !client.equals("threads")) {
			throw new IllegalArgumentException("--client=loop|threads, not " + client);
		}
		return client.equals("loop");
	}

	/** The requests of both clients: a new case with a unique Idempotency-Key; the answer 201 and placed in a grid. */
	private final LoopHttp.Requests intakes = new LoopHttp.Requests() {

		@Override
		public int next(MiniHttp encoder, Random rnd) {
			return encoder.encode("POST", "/api/cases", supervisorToken, nextKey(), body(rnd));
		}

		@Override
		public boolean answered(int status, String body) {
			return IntakeBench.this.answered(status, body);
		}

	};

	private boolean answered(int status, String body) {
		if (status != 201) {
			if (firstErrors.getAndIncrement() < 5) {
				System.out.println("  error " + status + ": " + body);
			}
			return false;
		}
		if (!body.contains("\"placement\":\"GRID\"")) {
			notInGrid.incrementAndGet();
		}
		return true;
	}

	private List<Random> randoms(int n) {
		var rnds = new ArrayList<Random>();
		for (var i = 0; i < n; i++) {
			rnds.add(new Random(random.nextLong()));
		}
		return rnds;
	}

	/** {@link #closedLoop} with the event-loop client: the same measurement, one selector thread. */
	private Level loopLevel(int clients, double seconds, MemorySampler sampler) throws Exception {
		var rnds = randoms(clients);
		var cpu0 = cpu();
		var t0 = System.nanoTime();
		if (sampler != null) {
			sampler.start();
		}
		// --loop-threads: the connections split over that many selector threads (1 by default)
		var loops = Math.max(1, Math.min(clients, (int) options.number("loop-threads", 1)));
		var results = new ArrayList<List<Latencies>>();
		var threads = new ArrayList<Thread>();
		var failure = new java.util.concurrent.atomic.AtomicReference<Exception>();
		for (var l = 0; l < loops; l++) {
			var from = clients * l / loops;
			var to = clients * (l + 1) / loops;
			var latencies = new ArrayList<Latencies>();
			results.add(latencies);
			var thread = new Thread(() -> {
				try {
					latencies.addAll(LoopHttp.closedLoop("127.0.0.1", server.port, to - from, rnds.subList(from, to),
							t0, t0 + (long) (seconds * 1e9), intakes).latencies());
				}
				catch (IOException | RuntimeException e) {
					failure.set(e);
				}
			}, "client-loop-" + l);
			threads.add(thread);
			thread.start();
		}
		for (var thread : threads) {
			thread.join();
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		var elapsed = (System.nanoTime() - t0) / 1e9;
		var cpu1 = cpu();
		var all = results.stream().flatMap(List::stream).toList();
		var sorted = Latencies.sorted(all);
		var errors = all.stream().mapToLong(l -> l.errors).sum();
		return new Level(clients, sorted.length / elapsed, Latencies.percentileMs(sorted, 50),
				Latencies.percentileMs(sorted, 99), errors, sorted.length, 0, 0)
			.withCpu(cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
	}

	private final AtomicLong firstErrors = new AtomicLong();

	private final AtomicLong notInGrid = new AtomicLong();

	/**
	 * The baseline: one case-shaped row per transaction, committed. Each client takes a connection from a shared pool
	 * of at most {@code --raw-connections} (default 32: the shared PostgreSQL allows 100 connections in all, and the
	 * product itself works with a pool of 10), inserts, commits and gives the connection back.
	 */
	private Level jdbc(int clients, double seconds) throws Exception {
		var size = Math.min(clients, (int) options.number("raw-connections", 32));
		var pool = new java.util.concurrent.ArrayBlockingQueue<Connection>(size);
		for (var i = 0; i < size; i++) {
			var c = DriverManager.getConnection(url, user, "");
			c.setAutoCommit(false);
			pool.add(c);
		}
		try {
			return closedLoop(clients, seconds, null, (worker, rnd) -> {
				var c = pool.take();
				try {
					return rawInsert(c, rnd);
				}
				finally {
					pool.add(c);
				}
			}, () -> () -> {
			});
		}
		finally {
			for (var c : pool) {
				c.close();
			}
		}
	}

	/**
	 * {@code --fixed-raw}: raw's fixed-rate step inserts into {@code bench_raw_fixed_case}, which starts with the case
	 * table's rows as they are before the warm-up (the {@code --existing-cases} and the demo's), so it meets the table
	 * state ours' step meets — open cases in its indexes, closed and vacuumed with them before each round — while raw's
	 * closed-loop levels keep their table ({@code bench_raw_case}, empty at the start) and their figures as before.
	 */
	private void seedRawFixed() throws SQLException {
		var started = System.nanoTime();
		try (var c = DriverManager.getConnection(url, user, ""); var s = c.createStatement()) {
			s.execute("insert into bench_raw_fixed_case select * from cases_case");
			s.execute("vacuum analyze bench_raw_fixed_case");
		}
		System.out.printf("raw's fixed-rate table bench_raw_fixed_case: %,d rows copied from cases_case in %.1f s "
				+ "(--fixed-raw)%n", single("select count(*) from bench_raw_fixed_case"),
				(System.nanoTime() - started) / 1e9);
	}

	/** One case-shaped row inserted and committed on its own (autocommit off); rolled back on an error. */
	private boolean rawInsert(Connection c, Random rnd) throws SQLException {
		return rawInsert(c, rnd, RAW_INSERT);
	}

	private boolean rawInsert(Connection c, Random rnd, String insert) throws SQLException {
		try (var ps = c.prepareStatement(insert)) {
			rawRow(ps, rnd);
			ps.executeUpdate();
			c.commit();
			return true;
		}
		catch (SQLException e) {
			c.rollback();
			throw e;
		}
	}

	/**
	 * {@code --fixed-raw=true|false}: whether each round also drives raw's single-row inserts at ours' fixed rate
	 * ({@link #rawFixedRate}); by default after the levels' rounds (the p99 target's verdict then comes with the same
	 * server's own latency at that rate), not in {@code --fixed-rate} runs (only ours' steps, as before).
	 */
	private boolean fixedRaw(boolean fixedOnly) {
		var mode = options.get("fixed-raw", fixedOnly ? "false" : "true");
		if (!"true".equals(mode) && !"false".equals(mode)) {
			throw new IllegalArgumentException("--fixed-raw must be true or false, not " + mode);
		}
		return "true".equals(mode);
	}

	/** Raw's fixed-rate step of a round: settled as ours' step is, then measured and printed beside it. */
	private Level rawStep(double rate, double stepSeconds) throws Exception {
		settle("raw at the fixed rate");
		var w0 = writes.snapshot();
		var r = rawFixedRate(rate, stepSeconds);
		var w1 = writes.snapshot();
		System.out.printf("raw at the fixed rate %.1f/s (ours' rate, %.0f s as ours' step): achieved %.1f/s p50 %.2f ms "
				+ "p99 %.2f ms (errors %d; PostgreSQL CPU/row %.3f ms) | load %s%n", rate, stepSeconds, r.perSecond, r.p50,
				r.p99, r.errors, r.dbCpuMs, Machine.load());
		System.out.print(r.stalls);
		System.out.print(Settle.between("raw at the fixed rate", w0, w1, r.n));
		return r;
	}

	/**
	 * The baseline at ours' fixed rate ({@code --fixed-raw}): the same single-row inserts as {@link #jdbc}, open loop as
	 * ours' step — request i due at start + i / rate, latency from when it was due — over as many connections as ours'
	 * step has ({@code --fixed-connections}, 64), each with its own thread ({@link FixedRateWorkers}); its stalls
	 * probed as ours' step's are, without the server (idle meanwhile).
	 */
	private Level rawFixedRate(double rate, double seconds) throws Exception {
		var size = (int) options.number("fixed-connections", 64);
		var connections = new ArrayList<Connection>();
		try {
			for (var i = 0; i < size; i++) {
				var c = DriverManager.getConnection(url, user, "");
				c.setAutoCommit(false);
				connections.add(c);
			}
			var workers = connections.stream().<FixedRateWorkers.Call>map(c -> rnd -> rawInsert(c, rnd, RAW_FIXED_INSERT)).toList();
			var total = (long) (rate * seconds);
			var probe = new StallProbe(adminUrl, user, database, null, 0);
			probe.start();
			var cpu0 = cpu();
			var baseMs = System.currentTimeMillis();
			var baseNs = System.nanoTime();
			var t0 = baseNs + 100_000_000L;
			var result = FixedRateWorkers.run(workers, randoms(size), t0, 1e9 / rate, total, baseMs, baseNs);
			var elapsed = (System.nanoTime() - t0) / 1e9;
			var cpu1 = cpu();
			probe.stop();
			System.out.printf("  raw at the fixed rate %.1f/s (%d connections, a thread each): %d request(s) waited for "
					+ "a free connection%n", rate, size, result.waitedForConnection());
			var stalls = probe.report(result.answered());
			var sorted = Latencies.sorted(result.latencies());
			var errors = result.latencies().stream().mapToLong(l -> l.errors).sum();
			var n = Math.max(1, sorted.length);
			return new Level(0, sorted.length / elapsed, Latencies.percentileMs(sorted, 50),
					Latencies.percentileMs(sorted, 99), errors, sorted.length, 0, (cpu1[1] - cpu0[1]) / n, stalls);
		}
		finally {
			for (var c : connections) {
				c.close();
			}
		}
	}

	private static final String RAW_INSERT = """
			insert into bench_raw_case (id, tracking_code, intake_key, channel, status, tier, title, description,
			category_standard, category_code, urgency, complex, region, grid, placement, longitude, latitude, address,
			reporter_name, reporter_phone, reporter_phone_index, reporter_account, anonymous, confidential,
			suggested_department, step, step_started_at, warn_at, due_at, step_span_seconds, step_unit, return_count,
			rework_count, extension_count, reopen_count, reported_at, version)
			values (?, ?, ?, 'PHONE', 'REPORTED', 'STREET', ?, ?, ?, ?, 'NORMAL', false, ?, ?, 'GRID', ?, ?, ?, ?, ?, ?,
			?, false, false, ?, 'DISPATCH', ?, ?, ?, 1800, 'WORKING_MINUTES', 0, 0, 0, 0, ?, 0)""";

	private static final String RAW_FIXED_INSERT = RAW_INSERT.replace("bench_raw_case", "bench_raw_fixed_case");

	private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private void rawRow(java.sql.PreparedStatement ps, Random rnd) throws SQLException {
		var p = points.get(rnd.nextInt(points.size()));
		var cat = categories.get(rnd.nextInt(categories.size()));
		var title = TITLES[rnd.nextInt(TITLES.length)];
		var bytes = new byte[48];
		rnd.nextBytes(bytes);
		var now = Instant.now();
		var i = 1;
		ps.setObject(i++, UUID.randomUUID());
		var code = new char[10];
		for (var k = 0; k < code.length; k++) {
			code[k] = CODE_ALPHABET.charAt(rnd.nextInt(CODE_ALPHABET.length()));
		}
		ps.setString(i++, new String(code));
		ps.setString(i++, HexFormat.of().formatHex(bytes, 0, 32));
		ps.setString(i++, title);
		ps.setString(i++, "居民来电反映：" + title + "，已持续数日，影响周边居民正常生活和出行安全，请相关部门尽快核实处理并回复。"
				+ "位置在小区东侧人行道附近，早晚高峰尤为明显。编号" + rnd.nextInt(1_000_000));
		ps.setString(i++, cat[0]);
		ps.setString(i++, cat[1]);
		ps.setString(i++, regions.get(rnd.nextInt(regions.size())));
		ps.setObject(i++, UUID.randomUUID());
		ps.setDouble(i++, p[0]);
		ps.setDouble(i++, p[1]);
		ps.setString(i++, "昌吉市宁边路" + rnd.nextInt(500) + "号");
		// the product keeps name and phone encrypted (AES-GCM, Base64): the same sizes here
		ps.setString(i++, Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 44)));
		ps.setString(i++, Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, 39)));
		ps.setString(i++, HexFormat.of().formatHex(bytes, 16, 48));
		ps.setObject(i++, UUID.randomUUID());
		ps.setObject(i++, UUID.randomUUID());
		ps.setTimestamp(i++, Timestamp.from(now));
		ps.setTimestamp(i++, Timestamp.from(now.plusSeconds(1440)));
		ps.setTimestamp(i++, Timestamp.from(now.plusSeconds(1800)));
		ps.setTimestamp(i++, Timestamp.from(now));
	}

	interface Call {

		boolean call(Object worker, Random rnd) throws Exception;

	}

	interface Opener {

		AutoCloseable open() throws Exception;

	}

	private Level closedLoop(int clients, double seconds, MemorySampler sampler, Call call, Opener opener)
			throws Exception {
		var all = new ArrayList<Latencies>();
		var start = new CountDownLatch(1);
		var done = new CountDownLatch(clients);
		var endAt = new long[1];
		var threads = new ArrayList<Thread>();
		var workers = new ArrayList<AutoCloseable>();
		for (var t = 0; t < clients; t++) {
			var latencies = new Latencies();
			all.add(latencies);
			var worker = opener.open();
			workers.add(worker);
			var rnd = new Random(random.nextLong());
			var thread = new Thread(() -> {
				try {
					start.await();
					while (true) {
						var t0 = System.nanoTime();
						if (t0 >= endAt[0]) {
							break;
						}
						try {
							if (call.call(worker, rnd)) {
								latencies.add(System.nanoTime() - t0);
							}
							else {
								latencies.errors++;
							}
						}
						catch (Exception e) {
							latencies.errors++;
							if (firstErrors.getAndIncrement() < 5) {
								System.out.println("  error: " + e);
							}
						}
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				finally {
					done.countDown();
				}
			}, "client-" + t);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		var cpu0 = cpu();
		var t0 = System.nanoTime();
		endAt[0] = t0 + (long) (seconds * 1e9);
		if (sampler != null) {
			sampler.start();
		}
		start.countDown();
		done.await();
		var elapsed = (System.nanoTime() - t0) / 1e9;
		var cpu1 = cpu();
		for (var w : workers) {
			w.close();
		}
		var sorted = Latencies.sorted(all);
		var errors = all.stream().mapToLong(l -> l.errors).sum();
		return new Level(clients, sorted.length / elapsed, Latencies.percentileMs(sorted, 50),
				Latencies.percentileMs(sorted, 99), errors, sorted.length, 0, 0)
			.withCpu(cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
	}

	/**
	 * Open loop at a fixed rate: request i is due at start + i / rate; its latency counts from when it was due, so a
	 * server that falls behind is charged for the wait (no coordinated omission).
	 */
	private Level fixedRate(double rate, double seconds) throws Exception {
		var workersCount = (int) options.number("fixed-connections", 64);
		var waited = 0L;
		var total = (long) (rate * seconds);
		var next = new AtomicLong();
		var all = new ArrayList<Latencies>();
		var requests = new ArrayList<List<StallProbe.Request>>();
		var done = new CountDownLatch(workersCount);
		var baseMs = System.currentTimeMillis();
		var baseNs = System.nanoTime();
		var t0 = baseNs + 100_000_000L;
		var interval = 1e9 / rate;
		var probe = new StallProbe(adminUrl, user, database, safepointLog, server.process.pid());
		probe.start();
		var cpu0 = cpu();
		if (loopClient()) {
			var result = LoopHttp.fixedRate("127.0.0.1", server.port, workersCount, randoms(workersCount), t0, interval,
					total, baseMs, baseNs, intakes);
			all.addAll(result.latencies());
			requests.add(result.answered());
			waited = result.waitedForConnection();
			for (var t = 0; t < workersCount; t++) {
				done.countDown();
			}
		}
		else {
			for (var t = 0; t < workersCount; t++) {
				var latencies = new Latencies();
				all.add(latencies);
				var answered = new ArrayList<StallProbe.Request>();
				requests.add(answered);
				var rnd = new Random(random.nextLong());
				var thread = new Thread(() -> {
					try (var http = new MiniHttp("127.0.0.1", server.port)) {
						long i;
						while ((i = next.getAndIncrement()) < total) {
							var due = t0 + (long) (i * interval);
							long wait;
							while ((wait = due - System.nanoTime()) > 0) {
								LockSupport.parkNanos(wait);
							}
							try {
								var response = http.post("/api/cases", supervisorToken, nextKey(), body(rnd));
								if (response.status() == 201) {
									var end = System.nanoTime();
									latencies.add(end - due);
									answered.add(new StallProbe.Request(baseMs + (due - baseNs) / 1e6,
											baseMs + (end - baseNs) / 1e6));
								}
								else {
									latencies.errors++;
								}
							}
							catch (IOException e) {
								latencies.errors++;
							}
						}
					}
					finally {
						done.countDown();
					}
				}, "fixed-" + t);
				thread.setDaemon(true);
				thread.start();
			}
		}
		done.await();
		var elapsed = (System.nanoTime() - t0) / 1e9;
		var cpu1 = cpu();
		probe.stop();
		if (loopClient()) {
			System.out.printf("  fixed rate %.1f/s (event loop, %d connections): %d request(s) waited for a free "
					+ "connection%n", rate, workersCount, waited);
		}
		var stalls = probe.report(requests.stream().flatMap(List::stream).toList());
		var sorted = Latencies.sorted(all);
		var errors = all.stream().mapToLong(l -> l.errors).sum();
		var n = Math.max(1, sorted.length);
		return new Level(0, sorted.length / elapsed, Latencies.percentileMs(sorted, 50),
				Latencies.percentileMs(sorted, 99), errors, sorted.length, (cpu1[0] - cpu0[0]) / n,
				(cpu1[1] - cpu0[1]) / n, stalls);
	}

	/**
	 * The intake writer's batch meters (actuator metrics, administrator token): batches, reports, cycle and build time
	 * in seconds; null where the server has none (a build before they were added).
	 */
	private double[] batches() {
		try (var http = new MiniHttp("127.0.0.1", server.port)) {
			var size = http.get("/actuator/metrics/grassroots.intake.batch.size", adminToken);
			var cycle = http.get("/actuator/metrics/grassroots.intake.batch.cycle", adminToken);
			var build = http.get("/actuator/metrics/grassroots.intake.batch.build", adminToken);
			if (size.status() != 200 || cycle.status() != 200 || build.status() != 200) {
				return null;
			}
			// the read commands made ahead (cases-30, cases-34) and the batches written by their callers (cases-19);
			// NaN from a build without them
			var ahead = http.get("/actuator/metrics/grassroots.intake.reads.ahead", adminToken);
			var led = http.get("/actuator/metrics/grassroots.intake.batches.led", adminToken);
			// the writer's waits for more reports (intake-gather, cases-12 amended); NaN from a build without them
			var gather = http.get("/actuator/metrics/grassroots.intake.batch.gather", adminToken);
			return new double[] { statistic(size.body(), "COUNT"), statistic(size.body(), "TOTAL"),
					statistic(cycle.body(), "TOTAL_TIME"), statistic(build.body(), "TOTAL_TIME"),
					ahead.status() == 200 ? statistic(ahead.body(), "COUNT") : Double.NaN,
					led.status() == 200 ? statistic(led.body(), "COUNT") : Double.NaN,
					gather.status() == 200 ? statistic(gather.body(), "COUNT") : Double.NaN,
					gather.status() == 200 ? statistic(gather.body(), "TOTAL_TIME") : Double.NaN };
		}
		catch (IOException e) {
			return null;
		}
	}

	private static double statistic(String body, String name) {
		var at = body.indexOf("\"statistic\":\"" + name + "\",\"value\":");
		if (at < 0) {
			return Double.NaN;
		}
		var start = body.indexOf("\"value\":", at) + 8;
		var end = start;
		while (end < body.length() && "0123456789.Ee+-".indexOf(body.charAt(end)) >= 0) {
			end++;
		}
		return Double.parseDouble(body.substring(start, end));
	}

	/** The writer's batches during a level: how many, reports per batch, and the mean cycle and build per batch. */
	private static void printBatches(double[] before, double[] after) {
		if (before == null || after == null) {
			return;
		}
		var n = after[0] - before[0];
		if (n <= 0) {
			return;
		}
		System.out.printf("             intake writer: %.0f batches, %.1f reports per batch, cycle %.2f ms, of which "
				+ "build %.2f ms (means per batch); %.2f read commands ahead per batch, %.0f %% of batches led by their "
				+ "caller%n", n, (after[1] - before[1]) / n, (after[2] - before[2]) / n * 1000,
				(after[3] - before[3]) / n * 1000, (after[4] - before[4]) / n, (after[5] - before[5]) / n * 100);
		var waits = after[6] - before[6];
		if (waits > 0) {
			System.out.printf("             intake writer waited for more reports (intake-gather) before %.0f %% of "
					+ "batches, %.2f ms per wait%n", waits / n * 100, (after[7] - before[7]) / waits * 1000);
		}
	}

	/** Heap (actuator metrics, administrator token) and RSS (/proc) of the server, once a second. */
	private final class MemorySampler {

		private final List<double[]> samples = new ArrayList<>();

		private volatile boolean running = true;

		private Thread thread;

		void start() {
			thread = new Thread(() -> {
				try (var http = new MiniHttp("127.0.0.1", server.port)) {
					while (running) {
						var used = metric(http, "jvm.memory.used");
						var committed = metric(http, "jvm.memory.committed");
						var rss = server.rssMib();
						synchronized (samples) {
							samples.add(new double[] { used, committed, rss });
						}
						Thread.sleep(1000);
					}
				}
				catch (Exception e) {
					System.out.println("  memory sampler: " + e);
				}
			}, "memory-sampler");
			thread.setDaemon(true);
			thread.start();
		}

		private double metric(MiniHttp http, String name) throws IOException {
			var body = http.get("/actuator/metrics/" + name + "?tag=area:heap", adminToken).body();
			var at = body.indexOf("\"value\":");
			if (at < 0) {
				return Double.NaN;
			}
			var end = at + 8;
			while (end < body.length() && "0123456789.Ee+-".indexOf(body.charAt(end)) >= 0) {
				end++;
			}
			return Double.parseDouble(body.substring(at + 8, end)) / (1024 * 1024);
		}

		Memory stop() throws InterruptedException {
			running = false;
			thread.join();
			synchronized (samples) {
				var used = samples.stream().mapToDouble(s -> s[0]).sorted().toArray();
				var committed = samples.stream().mapToDouble(s -> s[1]).max().orElse(Double.NaN);
				var rss = samples.stream().mapToDouble(s -> s[2]).sorted().toArray();
				return new Memory(max(used), median(used), committed, max(rss), median(rss), samples.size());
			}
		}

	}

	private void report(int[] clients, List<List<Level>> ours, List<List<Level>> raw, List<Level> fixed,
			List<Level> rawFixed, List<Memory> memory) {
		System.out.printf("%n=== intake: medians of %d round(s) (load now %s) ===%n", ours.size(), Machine.load());
		System.out.println("| clients | ours cases/s | ours p50 ms | ours p99 ms | raw JDBC rows/s | raw p50 ms | raw p99 ms | "
				+ "ratio ours/raw | errors | server CPU ms/case | PostgreSQL CPU ms/case | PostgreSQL CPU ms/raw row |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (var i = 0; i < clients.length; i++) {
			var k = i;
			var o = ours.stream().map(r -> r.get(k)).toList();
			var r = raw.stream().map(x -> x.get(k)).toList();
			var ratios = new double[o.size()];
			for (var j = 0; j < o.size(); j++) {
				ratios[j] = o.get(j).perSecond / r.get(j).perSecond;
			}
			System.out.printf("| %d | %.1f | %.2f | %.2f | %.1f | %.2f | %.2f | %.2f | %d | %.2f | %.2f | %.3f |%n", clients[i],
					median(o.stream().mapToDouble(Level::perSecond).toArray()),
					median(o.stream().mapToDouble(Level::p50).toArray()),
					median(o.stream().mapToDouble(Level::p99).toArray()),
					median(r.stream().mapToDouble(Level::perSecond).toArray()),
					median(r.stream().mapToDouble(Level::p50).toArray()),
					median(r.stream().mapToDouble(Level::p99).toArray()), median(ratios),
					o.stream().mapToLong(Level::errors).sum(), median(o.stream().mapToDouble(Level::appCpuMs).toArray()),
					median(o.stream().mapToDouble(Level::dbCpuMs).toArray()),
					median(r.stream().mapToDouble(Level::dbCpuMs).toArray()));
		}
		System.out.printf("fixed rate at half the peak: achieved %.1f/s, p50 %.2f ms, p99 %.2f ms (median of %d; each: %s)%n",
				median(fixed.stream().mapToDouble(Level::perSecond).toArray()),
				median(fixed.stream().mapToDouble(Level::p50).toArray()),
				median(fixed.stream().mapToDouble(Level::p99).toArray()), fixed.size(),
				fixed.stream().map(f -> String.format("%.1f/s p99 %.1f ms", f.perSecond, f.p99)).toList());
		printRawFixed(rawFixed);
		for (var m : memory) {
			System.out.printf("memory at 32 clients (%d samples): heap used max %.0f MiB (median %.0f), heap committed max "
					+ "%.0f MiB, RSS max %.0f MiB (median %.0f)%n", m.samples, m.heapUsedMax, m.heapUsedMedian,
					m.heapCommittedMax, m.rssMax, m.rssMedian);
		}
		var i32 = -1;
		for (var i = 0; i < clients.length; i++) {
			if (clients[i] == 32) {
				i32 = i;
			}
		}
		if (i32 >= 0) {
			var k = i32;
			var ratio = median(ours.stream()
				.mapToDouble(r -> r.get(k).perSecond / raw.get(ours.indexOf(r)).get(k).perSecond)
				.toArray());
			System.out.printf("TARGET intake ≥ 0.5 × raw at 32 clients: %.2f × — %s%n", ratio,
					ratio >= 0.5 ? "met" : "MISSED");
		}
		var p99 = median(fixed.stream().mapToDouble(Level::p99).toArray());
		System.out.printf("TARGET p99 < 50 ms at half the peak rate: %.1f ms — %s%s%n", p99, p99 < 50 ? "met" : "MISSED",
				rawBeside(rawFixed));
		var heap = memory.stream().mapToDouble(Memory::heapUsedMax).max().orElse(Double.NaN);
		System.out.printf("TARGET heap ≤ 512 MB under load (-Xmx%s): heap used max %.0f MiB — %s%n",
				options.get("xmx", "512m"), heap, heap <= 512 ? "met" : "MISSED");
		System.out.printf("cases not placed in a grid: %d%n", notInGrid.get());
	}

	/** Only fixed-rate steps (--fixed-rate): their median p99 against the target. */
	private void reportFixed(List<Level> fixed, List<Level> rawFixed) {
		System.out.printf("%n=== intake, fixed rate only: %d step(s) (load now %s) ===%n", fixed.size(), Machine.load());
		System.out.printf("fixed rate: achieved %.1f/s, p50 %.2f ms, p99 %.2f ms (median of %d; each: %s)%n",
				median(fixed.stream().mapToDouble(Level::perSecond).toArray()),
				median(fixed.stream().mapToDouble(Level::p50).toArray()),
				median(fixed.stream().mapToDouble(Level::p99).toArray()), fixed.size(),
				fixed.stream().map(f -> String.format("%.1f/s p99 %.1f ms", f.perSecond, f.p99)).toList());
		printRawFixed(rawFixed);
		var p99 = median(fixed.stream().mapToDouble(Level::p99).toArray());
		System.out.printf("TARGET p99 < 50 ms at a fixed rate of %s/s: %.1f ms — %s%s%n", options.get("fixed-rate", "?"), p99,
				p99 < 50 ? "met" : "MISSED", rawBeside(rawFixed));
	}

	/** Raw's fixed-rate steps ({@code --fixed-raw}), if any: their medians and each. */
	private static void printRawFixed(List<Level> rawFixed) {
		if (rawFixed.isEmpty()) {
			return;
		}
		System.out.printf("raw single-row inserts at the same fixed rate: achieved %.1f/s, p50 %.2f ms, p99 %.2f ms "
				+ "(median of %d; each: %s)%n", median(rawFixed.stream().mapToDouble(Level::perSecond).toArray()),
				median(rawFixed.stream().mapToDouble(Level::p50).toArray()),
				median(rawFixed.stream().mapToDouble(Level::p99).toArray()), rawFixed.size(),
				rawFixed.stream().map(f -> String.format("%.1f/s p99 %.1f ms", f.perSecond, f.p99)).toList());
	}

	/** For the target's line: raw's p99 at the same rate on the same server, when measured. */
	private static String rawBeside(List<Level> rawFixed) {
		if (rawFixed.isEmpty()) {
			return "";
		}
		var p99 = median(rawFixed.stream().mapToDouble(Level::p99).toArray());
		return String.format(" (raw single-row inserts at the same rate on the same server: p99 %.1f ms%s)", p99,
				p99 < 50 ? "" : ", also ≥ 50 ms");
	}

	/** Every acknowledged case is there with its history entry. */
	private void checkDatabase() throws SQLException {
		System.out.printf("database after the run: %d cases, %d case history entries%n", countCases(),
				single("select count(*) from audit_entry where stream like 'case/%'"));
	}

	static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		var v = values.clone();
		Arrays.sort(v);
		return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

	static Map<String, String> env() {
		return System.getenv();
	}

	/**
	 * The product's environment for a bench run: production profile on the bench database, a fresh personal-data key,
	 * and the Changji demo network (regions, departments, accounts, grids, categories) so cases land in real grids.
	 */
	private Map<String, String> serverEnvironment() {
		var env = new LinkedHashMap<String, String>();
		env.put("SPRING_PROFILES_ACTIVE", "prod");
		env.put("DATABASE_URL", url);
		env.put("DATABASE_USERNAME", user);
		env.put("DATABASE_PASSWORD", "");
		var key = new byte[32];
		random.nextBytes(key);
		env.put("GRASSROOTS_PERSONAL_DATA_KEY", Base64.getEncoder().encodeToString(key));
		env.put("GRASSROOTS_DEMO_ENABLED", "true");
		return env;
	}

}
