package io.grassroots.bench.city;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code bench/run pages [--database bench_city] [--requests 200] [--warmup 50]}: the server time of the work pages
 * (dispatcher's workbench, department's inbox, case page) and their JSON equivalents, against the same pages' main
 * queries run raw over JDBC in the same run. See bench/README.md.
 */
public final class Pages {

	record Account(String username, String region, UUID department, HttpClient session, String token) {
	}

	/**
	 * One request of a page: the URI to get, who gets it, the same page's main query run raw, and what to do with the
	 * page it got (the "show more" workload follows the page's next link).
	 */
	record Sample(String uri, Account account, RawQueries.Query raw, java.util.function.Consumer<String> then) {

		Sample(String uri, Account account, RawQueries.Query raw) {
			this(uri, account, raw, body -> {
			});
		}

	}

	interface Workload {

		Sample next(SplittableRandom random);

	}

	public static void main(String[] args) throws Exception {
		var options = Options.parse(args);
		var database = options.get("database", "bench_city");
		var user = options.get("user", "postgres");
		var requests = (int) options.longValue("requests", 200);
		var warmup = (int) options.longValue("warmup", 50);
		// The rows of a work page (the product's WorkPlaceController.PAGE; 200 before decision cases-11): the raw
		// query reads them and one more, as the product does.
		var pageRows = (int) options.longValue("page-rows", 50);
		var settle = new Settle(!options.get("settle", "true").equals("false"),
				(int) options.longValue("settle-window", 100), Double.parseDouble(options.get("settle-jit", "0.10")),
				(int) options.longValue("settle-max", 4000));
		var jar = Path.of(options.get("jar", "target/grassroots-0.1.0-SNAPSHOT-exec.jar"));
		var url = Setup.url(options.get("host", "127.0.0.1"), (int) options.longValue("port", 5432), database);
		var log = Path.of("bench/city/target/pages-server.log");
		System.out.printf("pages: %s, %d requests per page after %d warm-up (load %s)%n", database, requests, warmup,
				Load.now());
		try (var db = DriverManager.getConnection(url, user, "")) {
			System.out.printf("   %,d cases in the database%n", count(db));
			var started = System.nanoTime();
			try (var server = new Server(jar, url, user, log, List.of())) {
				var base = server.base();
				var random = new SplittableRandom(2026);
				var signInFrom = java.time.LocalTime.now().withNano(0);
				var dispatchers = accounts(db, base, "bench-dispatcher-6523010%", 6);
				dispatchers.addAll(accounts(db, base, "bench-dispatcher-6523_____000", "bench-dispatcher-6523010%", 2));
				var handlers = accounts(db, base, "bench-handler-652301-%", 12);
				handlers.addAll(accounts(db, base, "bench-handler-6523__-%", "bench-handler-652301-%", 4));
				var admin = token(db, "admin");
				var cases = caseIds(db, dispatchers);
				System.out.printf("   server pid %d%n", server.pid());
				System.out.printf("   signed in %d dispatchers and %d department handlers; %,d case ids to open (%s–%s UTC)%n",
						dispatchers.size(), handlers.size(), cases.size(), signInFrom,
						java.time.LocalTime.now().withNano(0));
				var raw = new RawQueries(db);
				var workloads = new LinkedHashMap<String, Workload>();
				var workbench = List.of("NEW", "FILED_QUEUE", "DISPATCHED_QUEUE", "IN_PROGRESS_QUEUE", "EXTENSIONS",
						"PARKED_QUEUE", "TO_VERIFY", "LOWER_TIERS", "CLOSED_QUEUE");
				var inbox = List.of("DISPATCHED_QUEUE", "IN_PROGRESS_QUEUE", "PARKED_QUEUE", "TO_VERIFY", "CLOSED_QUEUE");
				workloads.put("/cases/workbench", r -> {
					var a = dispatchers.get(r.nextInt(dispatchers.size()));
					var q = workbench.get(r.nextInt(workbench.size()));
					return new Sample("/cases/workbench?queue=" + q, a, raw.queue(a, q, pageRows + 1));
				});
				workloads.put("/cases/inbox", r -> {
					var a = handlers.get(r.nextInt(handlers.size()));
					var q = inbox.get(r.nextInt(inbox.size()));
					return new Sample("/cases/inbox?queue=" + q, a, raw.queue(a, q, pageRows + 1));
				});
				if (!options.values().containsKey("no-more")) {
					workloads.put("/cases/places/{place}/rows", more(base, dispatchers, workbench, raw, pageRows));
				}
				workloads.put("/cases/{id}", r -> {
					var c = cases.get(r.nextInt(cases.size()));
					return new Sample("/cases/" + c.getKey(), c.getValue(), raw.casePage(c.getKey()));
				});
				workloads.put("/api/cases", r -> {
					var all = new ArrayList<>(dispatchers);
					all.addAll(handlers);
					var a = all.get(r.nextInt(all.size()));
					var q = a.department() == null ? workbench.get(r.nextInt(workbench.size()))
							: inbox.get(r.nextInt(inbox.size()));
					var statuses = RawQueries.QUEUES.get(q).statuses();
					return new Sample("/api/cases?limit=100" + statuses.stream().map(s -> "&status=" + s)
						.reduce("", String::concat), a, raw.list(a, statuses, null, false, 100));
				});
				workloads.put("/api/cases/{id}", r -> {
					var c = cases.get(r.nextInt(cases.size()));
					return new Sample("/api/cases/" + c.getKey(), c.getValue(), raw.casePage(c.getKey()));
				});
				var prometheus = new Prometheus(base, admin);
				var results = new ArrayList<String>();
				// Pass 1, as before decision 0026: every page kind after the fixed warm-up, one after the other.
				for (var w : workloads.entrySet()) {
					results.add(measure(w.getKey(), w.getValue(), base, prometheus, random, warmup, requests, db, server));
				}
				// Pass 2 (decision 0026): each page kind warmed on until its JIT has settled, then measured again.
				var settled = new ArrayList<String>();
				if (settle.on()) {
					System.out.printf("%nsettle (decision 0026): windows of %d requests until C1+C2 ≤ %.0f %% of the request"
							+ " threads' CPU and two windows' server p95 within one bucket, at most %d more per page%n",
							settle.window(), settle.jitShare() * 100, settle.max());
					for (var w : workloads.entrySet()) {
						var more = settle(w.getKey(), w.getValue(), base, prometheus, random, settle, server);
						settled.add(measure(w.getKey(), w.getValue(), base, prometheus, random, 0, requests, db, server)
								+ "  " + more);
					}
				}
				System.out.println();
				System.out.printf("with the fixed warm-up of %d requests per page kind:%n", warmup);
				System.out.printf("%-18s %-32s %-32s %-22s %s%n", "page", "ours: client p50/p95/p99 ms",
						"ours: server timer p50/p95/p99", "raw query p50/p95/p99", "p95 ours/raw");
				results.forEach(System.out::println);
				if (settle.on()) {
					System.out.printf("%nafter that, each page kind warmed on until settled (decision 0026):%n");
					System.out.printf("%-18s %-32s %-32s %-22s %s%n", "page", "ours: client p50/p95/p99 ms",
							"ours: server timer p50/p95/p99", "raw query p50/p95/p99", "p95 ours/raw  warm-up");
					settled.forEach(System.out::println);
				}
				System.out.printf("target: p95 ≤ 10 ms server time (TARGETS.md); load %s; total %.0f s%n", Load.now(),
						(System.nanoTime() - started) / 1e9);
			}
		}
	}

	/**
	 * The settle rule of decision 0026: after the fixed warm-up's measurement, a page kind is requested on in windows
	 * of {@code window} requests until, in the last window, the compilers (C1 and C2) took at most {@code jitShare} of
	 * the request threads' CPU per request and its server p95 lies within one histogram bucket of the window's before
	 * (the buckets are ≈ 1.25 × apart), or {@code max} requests were made.
	 */
	record Settle(boolean on, int window, double jitShare, int max) {
	}

	/** Warms one page kind up by the settle rule, printing each window; returns what it took, for the table. */
	private static String settle(String name, Workload workload, String base, Prometheus prometheus,
			SplittableRandom random, Settle rule, Server process) throws Exception {
		var done = 0;
		var previousP95 = Double.NaN;
		while (true) {
			var before = prometheus.buckets(name);
			var groupsBefore = process.cpuByGroup();
			for (var i = 0; i < rule.window(); i++) {
				var s = workload.next(random);
				get(base, s);
				s.then().accept(lastBody);
			}
			done += rule.window();
			var groups = process.cpuByGroup();
			var jit = (delta(groups, groupsBefore, "C2") + delta(groups, groupsBefore, "C1")) / rule.window();
			var requestCpu = delta(groups, groupsBefore, "request threads") / rule.window();
			var server = Prometheus.quantiles(before, prometheus.buckets(name));
			var p95 = server == null ? Double.NaN : server[1];
			var quiet = jit <= rule.jitShare() * requestCpu;
			var agree = !Double.isNaN(previousP95) && Math.max(p95, previousP95) <= 1.26 * Math.min(p95, previousP95);
			System.out.printf("   %-18s settle: %,5d more requests: C1+C2 %.2f ms, request threads %.2f ms per request,"
					+ " server p95 %.2f ms%s (load %s)%n", name, done, jit, requestCpu, p95,
					quiet && agree ? " — settled" : "", Load.now());
			if (quiet && agree) {
				return String.format("+%,d settled", done);
			}
			if (done >= rule.max()) {
				return String.format("+%,d NOT settled (cap)", done);
			}
			previousP95 = p95;
		}
	}

	private static double delta(Map<String, Double> after, Map<String, Double> before, String group) {
		return after.getOrDefault(group, 0.0) - before.getOrDefault(group, 0.0);
	}

	private static String measure(String name, Workload workload, String base, Prometheus prometheus,
			SplittableRandom random, int warmup, int requests, Connection db, Server process) throws Exception {
		for (var i = 0; i < warmup; i++) {
			var s = workload.next(random);
			get(base, s);
			s.raw().run();
			s.then().accept(lastBody);
		}
		var from = java.time.LocalTime.now().withNano(0);
		var before = prometheus.buckets(name);
		var cpuBefore = process.cpu();
		var requestCpuBefore = process.requestCpu();
		var groupsBefore = process.cpuByGroup();
		var ours = new long[requests];
		var raw = new long[requests];
		var perQueue = new LinkedHashMap<String, List<Long>>();
		for (var i = 0; i < requests; i++) {
			var s = workload.next(random);
			ours[i] = get(base, s);
			raw[i] = s.raw().run();
			s.then().accept(lastBody);
			var q = s.uri().contains("queue=") ? s.uri().substring(s.uri().indexOf("queue=") + 6).replaceAll("&.*", "")
					: null;
			if (q != null) {
				perQueue.computeIfAbsent(q, k -> new ArrayList<>()).add(ours[i]);
			}
		}
		var cpu = process.cpu().minus(cpuBefore).toNanos() / 1e6 / requests;
		var requestCpu = process.requestCpu().minus(requestCpuBefore).toNanos() / 1e6 / requests;
		var groups = new java.util.ArrayList<java.util.Map.Entry<String, Double>>();
		process.cpuByGroup().forEach((g, ms) -> groups.add(java.util.Map.entry(g, (ms - groupsBefore.getOrDefault(g, 0.0)) / requests)));
		groups.sort(java.util.Map.Entry.<String, Double>comparingByValue().reversed());
		var split = groups.stream()
			.filter(e -> e.getValue() >= 0.05)
			.map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
			.reduce((a, b) -> a + ", " + b)
			.orElse("none");
		var server = Prometheus.quantiles(before, prometheus.buckets(name));
		var o = Stats.of(ours);
		var r = Stats.of(raw);
		var slowest = perQueue.entrySet().stream()
			.map(e -> e.getKey() + " " + String.format("%.1f", Stats.of(e.getValue().stream().mapToLong(Long::longValue)
				.toArray()).p95()))
			.reduce((a, b) -> a + ", " + b).orElse("");
		if (!slowest.isEmpty()) {
			System.out.printf("   %s p95 by queue (ms): %s%n", name, slowest);
		}
		System.out.printf("   %-18s ours %s | raw %s (load %s; %s–%s UTC)%n", name, o, r, Load.now(), from,
				java.time.LocalTime.now().withNano(0));
		System.out.printf("   %-18s server CPU per request: %.2f ms in the request threads, %.2f ms of the whole JVM"
				+ " (JIT, GC and background threads included), over the %d requests%n", name, requestCpu, cpu, requests);
		System.out.printf("   %-18s server CPU per request by thread group (ms): %s%n", name, split);
		return String.format("%-18s %7.2f %7.2f %7.2f            %-32s %6.2f %6.2f %6.2f        %5.1f×", name, o.p50(),
				o.p95(), o.p99(), server == null ? "n/a" : String.format("%6.2f %6.2f %6.2f", server[0], server[1],
						server[2]), r.p50(), r.p95(), r.p99(), o.p95() / r.p95());
	}

	/** The body of the last page {@link #get} got. */
	private static String lastBody = "";

	private static final java.util.regex.Pattern MORE = java.util.regex.Pattern
		.compile("hx-get=\"(/cases/places/[^\"]*after=[^\"]*)\"");

	/**
	 * "Show more" on the dispatchers' workbench: a random tab's first page (got, not measured here: it is the
	 * workbench's), then its next pages one after another, up to 5 deep, each measured against the same page's query
	 * run raw from the same cursor (keyset: a deep page should cost what the first does).
	 */
	private static Workload more(String base, List<Account> dispatchers, List<String> tabs, RawQueries raw,
			int pageRows) {
		var state = new Object() {
			Account account;
			String queue;
			String next;
			int depth;
		};
		return r -> {
			for (var tries = 0; state.next == null || state.depth >= 5; tries++) {
				if (tries > 100) {
					throw new IllegalStateException("no workbench tab has a second page");
				}
				state.account = dispatchers.get(r.nextInt(dispatchers.size()));
				state.queue = tabs.get(r.nextInt(tabs.size()));
				try {
					get(base, new Sample("/cases/workbench?queue=" + state.queue, state.account, () -> 0));
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				state.next = nextLink(lastBody);
				state.depth = 0;
			}
			var uri = state.next;
			var cursor = java.net.URLDecoder.decode(uri.replaceAll(".*after=([^&]*).*", "$1"), StandardCharsets.UTF_8);
			var q = RawQueries.QUEUES.get(state.queue);
			state.depth++;
			return new Sample(uri, state.account, raw.list(state.account, q.statuses(), q.tier(),
					q.extensionPending(), pageRows + 1, cursor), body -> state.next = nextLink(body));
		};
	}

	private static String nextLink(String page) {
		var m = MORE.matcher(page);
		return m.find() ? m.group(1).replace("&amp;", "&") : null;
	}

	private static long get(String base, Sample s) throws Exception {
		var request = HttpRequest.newBuilder(URI.create(base + s.uri()));
		if (s.uri().startsWith("/cases/places/")) {
			request.header("HX-Request", "true");
		}
		if (s.uri().startsWith("/api/")) {
			request.header("Authorization", "Bearer " + s.account().token()).header("Accept", "application/json");
		}
		var started = System.nanoTime();
		var response = s.account().session().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		var took = System.nanoTime() - started;
		lastBody = new String(response.body(), StandardCharsets.UTF_8);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(s.uri() + " as " + s.account().username() + ": HTTP " + response.statusCode()
					+ " " + new String(response.body(), StandardCharsets.UTF_8).substring(0,
							Math.min(300, response.body().length)));
		}
		return took;
	}

	private static long count(Connection db) throws Exception {
		try (var s = db.createStatement(); var rs = s.executeQuery("select reltuples::bigint from pg_class where relname = 'cases_case'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static List<Account> accounts(Connection db, String base, String pattern, int limit) throws Exception {
		return accounts(db, base, pattern, "", limit);
	}

	/** The bench accounts whose names match the pattern but not {@code except} (accounts taken by an earlier call). */
	private static List<Account> accounts(Connection db, String base, String pattern, String except, int limit)
			throws Exception {
		var out = new ArrayList<Account>();
		try (var s = db.prepareStatement("select username, scope_region, scope_department from identity_account"
				+ " where username like ? and username not like ? order by username limit ?")) {
			s.setString(1, pattern);
			s.setString(2, except);
			s.setInt(3, limit);
			try (var rs = s.executeQuery()) {
				while (rs.next()) {
					var username = rs.getString(1);
					out.add(new Account(username, rs.getString(2), rs.getObject(3, UUID.class), signIn(base, username),
							token(db, username)));
				}
			}
		}
		return out;
	}

	/** Signs in through the login form (CSRF token from the page) and keeps the session cookie. */
	private static HttpClient signIn(String base, String username) throws Exception {
		var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		var page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var csrf = page.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		var form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(Setup.PASSWORD.equals("") ? "" : password(username), StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		var response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		var location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("cannot sign in as " + username + ": HTTP " + response.statusCode() + " " + location);
		}
		return client;
	}

	private static String password(String username) {
		return username.startsWith("bench-") ? Setup.PASSWORD : "Grassroots-2026";
	}

	/** An API token for the account, written as the product stores one (only the SHA-256 of the secret). */
	static String token(Connection db, String username) throws Exception {
		var secret = "grt_bench" + UUID.randomUUID().toString().replace("-", "");
		var hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		try (var s = db.prepareStatement("insert into identity_api_token (id, account, name, token_hash, created_at, version)"
				+ " select ?, id, 'bench pages', ?, ?, 0 from identity_account where username = ?")) {
			s.setObject(1, UUID.randomUUID());
			s.setString(2, hash);
			s.setTimestamp(3, Timestamp.from(Instant.now()));
			s.setString(4, username);
			if (s.executeUpdate() != 1) {
				throw new IllegalStateException("no account " + username);
			}
		}
		return secret;
	}

	/** Random cases of the dispatchers' streets (each opened by the dispatcher of its street). */
	private static List<Map.Entry<UUID, Account>> caseIds(Connection db, List<Account> dispatchers) throws Exception {
		var out = new ArrayList<Map.Entry<UUID, Account>>();
		for (var a : dispatchers) {
			var prefix = a.region().substring(0, 9);
			try (var s = db.prepareStatement("select id from cases_case tablesample system (0.2) where region >= ? and region < ?"
					+ " and confidential = false limit 300")) {
				s.setString(1, prefix + "000");
				s.setString(2, prefix + "999");
				try (var rs = s.executeQuery()) {
					while (rs.next()) {
						out.add(Map.entry(rs.getObject(1, UUID.class), a));
					}
				}
			}
		}
		return out;
	}

	static {
		try {
			Files.createDirectories(Path.of("bench/city/target"));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
