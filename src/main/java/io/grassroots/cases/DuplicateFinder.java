package io.grassroots.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import io.grassroots.shared.Databases;
import io.grassroots.shared.InstantText;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds likely duplicates: open cases of the same category reported within the window, within the distance of the
 * point (or, without a point, in the same community). Reads a few entries of the place index (category, latitude,
 * longitude, reported_at) and fetches only the cases inside a small box, however many cases the category has.
 */
@Component
class DuplicateFinder {

	private static final double EARTH_RADIUS_METERS = 6_371_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final CasesProperties properties;

	/** Whether {@link #storedAll} reads many reports' candidates in one statement ({@link #BATCH}, PostgreSQL). */
	private final boolean batch;

	DuplicateFinder(JdbcClient jdbc, JdbcTemplate template, CasesProperties properties, DataSource dataSource) {
		this.jdbc = jdbc;
		this.template = template;
		this.properties = properties;
		this.batch = Databases.isPostgres(dataSource);
	}

	private static final String OPEN = """
			reported_at >= :since and status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS',
			'PARKED', 'REPORTED_BACK')""";

	/** Open cases of the category in the window inside a box around the point: one short range of the place index. */
	private static final String IN_BOX = """
			select id, longitude, latitude, region, reported_at from cases_case
			where category_standard = :standard and category_code = :code and latitude between :south and :north
			and longitude between :west and :east and\s""" + OPEN;

	/** Open cases of the category in the window without a point, in the same community: the index's null range. */
	private static final String WITHOUT_POINT = """
			select id, longitude, latitude, region, reported_at from cases_case
			where category_standard = :standard and category_code = :code and latitude is null and region = :region
			and\s""" + OPEN;

	/** Open cases of the category in the window in the same community, with a point or without. */
	private static final String IN_COMMUNITY = """
			select id, longitude, latitude, region, reported_at from cases_case
			where category_standard = :standard and category_code = :code and region = :region and\s""" + OPEN;

	/**
	 * {@link #stored} of many reports in one statement on PostgreSQL (decision cases-23): the reports' parameters as
	 * arrays, one row per report ({@code n}, from 1), and for each the same statement as {@link #sql} — the same
	 * conditions, each part switched on or off by the report's kind (a one-time filter per report) — so each report
	 * reads the same index ranges as alone, newest first, at most 200.
	 */
	static final String BATCH = "select r.n, c.id, c.longitude, c.latitude, c.region" + reportsNear()
			+ " order by r.n, c.reported_at desc";

	/**
	 * {@link #KEYS} and {@link #BATCH} in one statement (cases-37): the stored keys as rows of report number 0 (the key
	 * in the last column), then the reports' candidates as {@link #BATCH} answers them. One statement of a read command
	 * instead of two: one portal, one executor start and end, one parse/bind/execute fewer per command.
	 */
	static final String BATCH_WITH_KEYS = """
			select 0::int8 as n, null::uuid as id, null::float8 as longitude, null::float8 as latitude, intake_key as region,
			null::timestamptz as reported_at from cases_case where intake_key = any(?::text[])
			union all select r.n, c.id, c.longitude, c.latitude, c.region, c.reported_at""" + reportsNear()
			+ " order by n, reported_at desc";

	/** {@link #BATCH}'s from clause: the reports' parameters as arrays, each report's candidates beside it. */
	private static String reportsNear() {
		return """
				 from unnest(?::text[], ?::text[], ?::float8[], ?::float8[],
				?::float8[], ?::float8[], ?::text[], ?::timestamptz[], ?::boolean[], ?::boolean[]) with ordinality
				as r(standard, code, west, east, south, north, region, since, point, community, n)
				cross join lateral (select id, longitude, latitude, region, reported_at from (""" + lateral(IN_BOX, "r.point")
				+ " union all " + lateral(WITHOUT_POINT, "r.point and r.community") + " union all "
				+ lateral(IN_COMMUNITY, "not r.point") + ") near order by reported_at desc limit 200) c";
	}

	/** One part of {@link #sql} for {@link #BATCH}: the report's values from {@code r}, only if {@code when}. */
	private static String lateral(String part, String when) {
		var guarded = part.replaceFirst("\\bwhere ", "where " + when + " and ");
		return Pattern.compile(":(\\w+)").matcher(guarded).replaceAll("r.$1");
	}

	/** What a report's duplicate check reads: as the arguments of {@link #stored}. */
	record Query(CategoryKey category, Double longitude, Double latitude, RegionCode region, Instant now) {

		/** Whether there is anything to read: a category, and a point or a community. */
		boolean reads() {
			return category != null && (longitude != null || region.depth() == 5);
		}

	}

	/**
	 * {@link #stored} of each query, in order: on PostgreSQL in one statement ({@link #BATCH}, planned once per
	 * connection: a generic plan is forced for it, as PostgreSQL would otherwise plan it anew for every batch), elsewhere
	 * one statement per query. Meant for the intake writer's transaction (cases-23).
	 */
	List<List<Candidate>> storedAll(List<Query> queries) {
		return readBatch(List.of(), queries).stored();
	}

	/**
	 * What the intake writer reads before it builds a batch (in its transaction): which of the batch's idempotency keys
	 * are stored already, and {@link #stored} of each query, in order. On PostgreSQL both go to the server in one round
	 * trip (decision cases-25): the setting that forces generic plans, the key query ({@link #KEYS}, one array
	 * parameter, so one statement text whatever the batch size), {@link #BATCH} and the setting's reset are one
	 * multi-statement command, which pgjdbc sends as one pipeline with one sync; PostgreSQL runs them in order. Elsewhere
	 * one statement for the keys and one per query.
	 */
	BatchRead readBatch(List<String> keys, List<Query> queries) {
		return readBatch(keys, queries, false);
	}

	/**
	 * {@link #readBatch(List, List)} outside a transaction (the intake writer's reads ahead, cases-30): on PostgreSQL
	 * the command opens and commits a transaction of its own ({@code begin} … {@code commit}, so the setting is local
	 * to it), still one round trip; should it fail, the connection's failed transaction is rolled back before it goes
	 * back to the pool.
	 */
	BatchRead readBatchAlone(List<String> keys, List<Query> queries) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("a read of its own runs outside a transaction");
		}
		return readBatch(keys, queries, true);
	}

	private BatchRead readBatch(List<String> keys, List<Query> queries, boolean alone) {
		var answers = new ArrayList<List<Candidate>>(queries.size());
		var reading = new ArrayList<Integer>();
		for (var i = 0; i < queries.size(); i++) {
			answers.add(queries.get(i).reads() ? new ArrayList<>() : List.of());
			if (queries.get(i).reads()) {
				reading.add(i);
			}
		}
		if (!batch) {
			var stored = keys.isEmpty() ? new HashSet<String>()
					: new HashSet<>(jdbc.sql("select intake_key from cases_case where intake_key in (:keys)")
						.param("keys", keys)
						.query(String.class)
						.list());
			for (var i : reading) {
				var q = queries.get(i);
				answers.set(i, stored(q.category(), q.longitude(), q.latitude(), q.region(), q.now()));
			}
			return new BatchRead(stored, answers);
		}
		var storedKeys = new HashSet<String>();
		if (keys.isEmpty() && reading.isEmpty()) {
			return new BatchRead(storedKeys, answers);
		}
		// one report, with at most its own key: scalar parameters, no arrays (cases-45)
		var one = reading.size() == 1 && keys.size() <= 1 ? queries.get(reading.get(0)) : null;
		var kind = one == null ? -1 : kind(one);
		var sql = one != null ? ONE_COMMANDS[kind * 4 + (keys.isEmpty() ? 0 : 2) + (alone ? 1 : 0)]
				: COMMANDS[(keys.isEmpty() ? 0 : 4) + (reading.isEmpty() ? 0 : 2) + (alone ? 1 : 0)];
		template.execute((ConnectionCallback<Void>) connection -> {
			try (var statement = connection.prepareStatement(sql)) {
				var p = 1;
				if (one != null) {
					if (!keys.isEmpty()) {
						statement.setString(p++, keys.get(0));
					}
					bindOne(statement, p, one, kind);
				}
				else {
					if (!keys.isEmpty()) {
						statement.setArray(p++, connection.createArrayOf("text", keys.toArray()));
					}
					if (!reading.isEmpty()) {
						bindBatch(statement, p, connection, queries, reading);
					}
				}
				var results = statement.execute();
				// the keys come in a result of their own, or (BATCH_WITH_KEYS) as the rows of report 0
				var keysPending = !keys.isEmpty() && reading.isEmpty();
				while (true) {
					if (results) {
						try (var rs = statement.getResultSet()) {
							if (keysPending) {
								while (rs.next()) {
									storedKeys.add(rs.getString(1));
								}
								keysPending = false;
							}
							else {
								while (rs.next()) {
									// by position, as BATCH selects them (a name is looked up in a map per call)
									var n = rs.getInt(1);
									if (n == 0) {
										storedKeys.add(rs.getString(5));
										continue;
									}
									answers.get(reading.get(n - 1))
										.add(new Candidate(new CaseId(rs.getObject(2, UUID.class)),
												(Double) rs.getObject(3), (Double) rs.getObject(4), rs.getString(5)));
								}
							}
						}
					}
					else if (statement.getUpdateCount() == -1) {
						return null;
					}
					results = statement.getMoreResults();
				}
			}
			catch (SQLException | RuntimeException e) {
				if (alone && connection.getAutoCommit()) {
					try (var rollback = connection.createStatement()) {
						rollback.execute("rollback"); // the command's own transaction, failed: not left to the pool
					}
					catch (SQLException suppressed) {
						e.addSuppressed(suppressed);
					}
				}
				throw e;
			}
		});
		return new BatchRead(storedKeys, answers);
	}

	/** The stored idempotency keys among a batch's (PostgreSQL: one array parameter). */
	static final String KEYS = "select intake_key from cases_case where intake_key = any(?::text[])";

	/**
	 * {@link #readBatch}'s commands on PostgreSQL, by {@link #command}'s arguments (index: keys 4, reads 2, alone 1),
	 * built once: the command text is ≈ 2 KB, and building it per batch was a sixth of what the intake writer's thread
	 * allocated (bench/RESULTS.md § intake, 2026-12-06, stalls8).
	 */
	private static final String[] COMMANDS = new String[8];

	static {
		for (var i = 0; i < COMMANDS.length; i++) {
			COMMANDS[i] = command((i & 4) != 0, (i & 2) != 0, (i & 1) != 0);
		}
	}

	/**
	 * The multi-statement command of {@link #readBatch}: both statements under a generic plan — BATCH's (planned anew
	 * per batch otherwise), and the key query's, which PostgreSQL otherwise planned anew for up to half the batches when
	 * they were small (a custom plan for a short array looks cheaper than the generic one; bench/RESULTS.md § intake,
	 * 2026-12-06) — the same index scan either way, the setting reset after them; {@code alone}: in a transaction of its
	 * own, whose commit ends the setting (no reset).
	 */
	static String command(boolean keys, boolean reads, boolean alone) {
		return command(keys && reads ? BATCH_WITH_KEYS : keys ? KEYS : reads ? BATCH : null, alone);
	}

	/** {@link #command(boolean, boolean, boolean)} of one statement (none: null). */
	private static String command(String statement, boolean alone) {
		var sql = new StringBuilder("set local plan_cache_mode = force_generic_plan");
		if (statement != null) {
			sql.append(";\n").append(statement);
		}
		if (alone) {
			// a setting made with set local ends with its transaction: no reset before the commit (one statement less)
			sql.insert(0, "begin;\n").append(";\ncommit");
		}
		else {
			sql.append(";\nset local plan_cache_mode to default");
		}
		return sql.toString();
	}

	/** {@link #BATCH}'s ten array parameters from {@code first} on: the reads of {@code reading}'s queries. */
	private void bindBatch(PreparedStatement statement, int first, Connection connection, List<Query> queries,
			List<Integer> reading) throws SQLException {
		var n = reading.size();
		var standards = new String[n];
		var codes = new String[n];
		var wests = new Double[n];
		var easts = new Double[n];
		var souths = new Double[n];
		var norths = new Double[n];
		var regions = new String[n];
		var sinces = new String[n];
		var points = new Boolean[n];
		var communities = new Boolean[n];
		for (var k = 0; k < n; k++) {
			var q = queries.get(reading.get(k));
			var box = q.longitude() == null ? new double[4] : box(q.longitude(), q.latitude());
			standards[k] = q.category().standard();
			codes[k] = q.category().code();
			wests[k] = box[0];
			easts[k] = box[1];
			souths[k] = box[2];
			norths[k] = box[3];
			regions[k] = q.region().value();
			sinces[k] = InstantText.of(q.now().minus(properties.duplicateWindow()));
			points[k] = q.longitude() != null;
			communities[k] = q.region().depth() == 5;
		}
		statement.setArray(first, connection.createArrayOf("text", standards));
		statement.setArray(first + 1, connection.createArrayOf("text", codes));
		statement.setArray(first + 2, connection.createArrayOf("float8", wests));
		statement.setArray(first + 3, connection.createArrayOf("float8", easts));
		statement.setArray(first + 4, connection.createArrayOf("float8", souths));
		statement.setArray(first + 5, connection.createArrayOf("float8", norths));
		statement.setArray(first + 6, connection.createArrayOf("text", regions));
		statement.setArray(first + 7, connection.createArrayOf("text", sinces));
		statement.setArray(first + 8, connection.createArrayOf("bool", points));
		statement.setArray(first + 9, connection.createArrayOf("bool", communities));
	}

	/**
	 * The kinds of a single report's read ({@link #kind}): with a point outside a community, with a point in one, without
	 * a point (then in a community: {@link Query#reads}).
	 */
	private static final int POINT = 0, POINT_IN_COMMUNITY = 1, COMMUNITY = 2;

	private static int kind(Query q) {
		return q.longitude() == null ? COMMUNITY : q.region().depth() == 5 ? POINT_IN_COMMUNITY : POINT;
	}

	/**
	 * {@link #BATCH} of one report with scalar parameters (decision cases-45): {@link #sql} of the report's kind, each
	 * parameter cast to the type {@link #BATCH}'s array of it has, the report numbered 1. No array input, no function
	 * scan, no lateral join: a batch of one (the lifecycle's, a report that arrives alone, a read ahead of one arrival)
	 * reads the same index ranges with less of the executor's start.
	 */
	static String one(boolean point, boolean community) {
		return "select 1::int8 as n, id, longitude, latitude, region, reported_at from (" + typed(parts(point, community))
				+ ") near order by reported_at desc limit 200";
	}

	/**
	 * {@link #one} with the report's key as {@link #BATCH_WITH_KEYS} reads it (one text parameter first): its row
	 * numbered 0, the key in the last column.
	 */
	static String oneWithKey(boolean point, boolean community) {
		return """
				select 0::int8 as n, null::uuid as id, null::float8 as longitude, null::float8 as latitude, intake_key as region,
				null::timestamptz as reported_at from cases_case where intake_key = ?::text
				union all (""" + one(point, community) + ") order by n, reported_at desc";
	}

	/** The types of {@link #sql}'s named parameters, as {@link #BATCH}'s arrays have them. */
	private static final Map<String, String> TYPES = Map.of("standard", "text", "code", "text",
			"west", "float8", "east", "float8", "south", "float8", "north", "float8", "region", "text", "since",
			"timestamptz");

	private static final Pattern NAMED = Pattern.compile(":(\\w+)");

	/** {@code sql} with each named parameter as a positional one cast to its type. */
	private static String typed(String sql) {
		return NAMED.matcher(sql).replaceAll(m -> "?::" + TYPES.get(m.group(1)));
	}

	/** The named parameters of {@link #one} of each kind, in their order. */
	private static final String[][] ONE_PARAMETERS = new String[3][];

	/** {@link #command} of {@link #one} (index: kind × 4, key 2, alone 1), built once. */
	private static final String[] ONE_COMMANDS = new String[12];

	static {
		for (var kind = 0; kind < 3; kind++) {
			var point = kind != COMMUNITY;
			var community = kind != POINT;
			ONE_PARAMETERS[kind] = NAMED.matcher(parts(point, community))
				.results()
				.map(m -> m.group(1))
				.toArray(String[]::new);
			for (var i = 0; i < 4; i++) {
				ONE_COMMANDS[kind * 4 + i] = command((i & 2) != 0 ? oneWithKey(point, community) : one(point, community),
						(i & 1) != 0);
			}
		}
	}

	/** The one-report command of a query, as {@link #readBatch} sends it (for tests). */
	static String oneCommand(Query q, boolean key, boolean alone) {
		return ONE_COMMANDS[kind(q) * 4 + (key ? 2 : 0) + (alone ? 1 : 0)];
	}

	/** {@link #one}'s parameters from {@code first} on: the values {@link #bindBatch} puts in each array. */
	private void bindOne(PreparedStatement statement, int first, Query q, int kind) throws SQLException {
		var box = q.longitude() == null ? null : box(q.longitude(), q.latitude());
		var p = first;
		for (var name : ONE_PARAMETERS[kind]) {
			switch (name) {
				case "standard" -> statement.setString(p++, q.category().standard());
				case "code" -> statement.setString(p++, q.category().code());
				case "west" -> statement.setDouble(p++, box[0]);
				case "east" -> statement.setDouble(p++, box[1]);
				case "south" -> statement.setDouble(p++, box[2]);
				case "north" -> statement.setDouble(p++, box[3]);
				case "region" -> statement.setString(p++, q.region().value());
				// as the array's element: the instant's text, read by timestamptz's input
				case "since" ->
					statement.setObject(p++, InstantText.of(q.now().minus(properties.duplicateWindow())), Types.OTHER);
				default -> throw new IllegalStateException(name);
			}
		}
	}

	/** What {@link #readBatch} read: the keys stored already, and each query's stored candidates, in order. */
	record BatchRead(Set<String> storedKeys, List<List<Candidate>> stored) {
	}

	/** The likely duplicates of a report, nearest first. */
	List<CaseId> find(CategoryKey category, Double longitude, Double latitude, RegionCode region, Instant now,
			CaseId except) {
		return stored(category, longitude, latitude, region, now)
			.stream()
			.filter(c -> !c.id().equals(except))
			.filter(c -> near(c, longitude, latitude, region))
			.sorted(Comparator.comparingDouble(c -> distance(c, longitude, latitude)))
			.map(Candidate::id)
			.toList();
	}

	/**
	 * The stored open cases of the category that can be near, newest first (at most 200), not yet checked exactly: the
	 * database's part of {@link #nearest}, which the intake writer's callers read on their own threads (cases-16).
	 */
	List<Candidate> stored(CategoryKey category, Double longitude, Double latitude, RegionCode region,
			Instant now) {
		// Two cases with points are near within the distance; when either has no point, only in the same community
		// (depth 5). Only the candidates that can be near are read: for a point, a box a little larger than the
		// distance around it (one short range of cases_case_category_place: category, latitude, and on PostgreSQL
		// region, then longitude, reported_at; the exact distance is checked below) and the community's cases without
		// a point (on PostgreSQL an exact range of the same index); without a point, the community's cases of the
		// category.
		var community = region.depth() == 5;
		if (category == null || (longitude == null && !community)) {
			return List.of();
		}
		var box = longitude == null ? new double[4] : box(longitude, latitude);
		return jdbc.sql(sql(longitude != null, community))
			.param("standard", category.standard())
			.param("code", category.code())
			.param("since", Timestamp.from(now.minus(properties.duplicateWindow())))
			.param("region", region.value())
			.param("west", box[0])
			.param("east", box[1])
			.param("south", box[2])
			.param("north", box[3])
			.query((rs, n) -> new Candidate(new CaseId(rs.getObject("id", UUID.class)),
					(Double) rs.getObject("longitude"), (Double) rs.getObject("latitude"), rs.getString("region")))
			.list();
	}

	/**
	 * The statement of {@link #stored}: for a report with a point, the box (and in a community the community's cases
	 * without a point); without a point, the community's cases. Its state condition must imply the predicate of the
	 * partial index {@code cases_case_category_place} on PostgreSQL (decision cases-18).
	 */
	static String sql(boolean point, boolean community) {
		return "select id, longitude, latitude, region from (" + parts(point, community)
				+ ") near order by reported_at desc limit 200";
	}

	/** The parts of {@link #sql}, joined by {@code union all}. */
	private static String parts(boolean point, boolean community) {
		return String.join(" union all ",
				point ? (community ? List.of(IN_BOX, WITHOUT_POINT) : List.of(IN_BOX)) : List.of(IN_COMMUNITY));
	}

	Optional<CaseId> nearest(CategoryKey category, Double longitude, Double latitude, RegionCode region, Instant now) {
		return nearest(category, longitude, latitude, region, now, List.of(), null);
	}

	/**
	 * The nearest likely duplicate of a report among the stored open cases and {@code unsaved}: cases reported
	 * before it that are not written yet (the earlier reports of the intake writer's batch, oldest first), so that a
	 * second report at the same place in one batch finds the first one exactly as if it had been stored. Of equally
	 * near candidates the newest wins, as in the database's order. {@code stored} are the stored candidates if they
	 * were read already ({@link #stored}; {@code unsaved} must then hold every case stored since), else null: read now.
	 */
	Optional<CaseId> nearest(CategoryKey category, Double longitude, Double latitude, RegionCode region, Instant now,
			List<Case> unsaved, List<Candidate> stored) {
		var since = now.minus(properties.duplicateWindow());
		var candidates = new ArrayList<Candidate>();
		for (var i = unsaved.size() - 1; i >= 0; i--) {
			var c = unsaved.get(i);
			if (category != null && category.equals(c.matter().category()) && c.status().isOpen()
					&& !c.milestones().reportedAt().isBefore(since)) {
				candidates.add(new Candidate(c.id(), c.place().longitude(), c.place().latitude(),
						c.place().region().value()));
			}
		}
		candidates.addAll(stored != null ? stored : stored(category, longitude, latitude, region, now));
		return candidates.stream()
			.filter(c -> near(c, longitude, latitude, region))
			.min(Comparator.comparingDouble(c -> distance(c, longitude, latitude)))
			.map(Candidate::id);
	}

	private boolean near(Candidate c, Double longitude, Double latitude, RegionCode region) {
		if (longitude == null || c.longitude() == null) {
			return region.depth() == 5 && region.value().equals(c.region());
		}
		return distance(c, longitude, latitude) <= properties.duplicateDistanceMeters();
	}

	/**
	 * How much larger than the distance the box around a point is. No point within the distance lies outside the exact
	 * box: a great circle of length d spans at most d / R of latitude, and (haversine) at most d / (R cos φ) of
	 * longitude with φ the larger latitude, which {@link #box} takes at the box's edge. The 1 % only covers rounding.
	 * It was 10 %: the box's area, and the candidates read from it, 1.21 / 1.02 = 1.19 × what this reads (decision
	 * cases-44).
	 */
	private static final double BOX_MARGIN = 1.01;

	/** West, east, south, north of a box that holds every point within the duplicate distance ({@link #BOX_MARGIN}). */
	private double[] box(double longitude, double latitude) {
		var dLat = Math.toDegrees(properties.duplicateDistanceMeters() * BOX_MARGIN / EARTH_RADIUS_METERS);
		var cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(latitude) + dLat)));
		var dLng = dLat / Math.max(cos, 1e-6);
		return new double[] { longitude - dLng, longitude + dLng, latitude - dLat, latitude + dLat };
	}

	private static double distance(Candidate c, Double longitude, Double latitude) {
		if (longitude == null || c.longitude() == null) {
			return Double.MAX_VALUE;
		}
		var dLat = Math.toRadians(c.latitude() - latitude);
		var dLng = Math.toRadians(c.longitude() - longitude);
		var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
				* Math.cos(Math.toRadians(c.latitude())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(a));
	}

	/** A stored case that can be a likely duplicate: its id and where it is. */
	record Candidate(CaseId id, Double longitude, Double latitude, String region) {
	}

}
