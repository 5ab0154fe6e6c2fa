package io.grassroots.bench.lifecycle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import io.grassroots.shared.TimeOrderedIds;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * The floor: the same rows written by hand-written minimal SQL on the product's own tables (its Flyway migrations, on
 * a database of its own), one transaction per step, nothing read back: the driver keeps the case's version and the
 * head of its history chain in memory. Per lifecycle: the case row inserted and updated six times (each UPDATE with
 * its version check), seven history entries (SHA-256 chained as the product's), the department's notice, the four
 * monthly counters and the evaluation row — the writes the product makes, without its reads, checks and mapping.
 */
final class RawLoop implements Loop {

	private static final String DEPARTMENT = "00000000-0000-0000-0000-0000000000aa";

	/**
	 * The rows a month's counters are spread over, as the product's {@code MonthTally.SLOTS} (32 since decision
	 * evaluation-02); {@code -Dbench.raw.tallySlots=8} mirrors a product from before it.
	 */
	private static final int TALLY_SLOTS = Integer.getInteger("bench.raw.tallySlots", 32);

	private final Postgres postgres;

	private final String database;

	private final int poolSize;

	private final ReportPoints points;

	private HikariDataSource dataSource;

	private final Steps steps = new Steps();

	RawLoop(Postgres postgres, String database, int poolSize, ReportPoints points) {
		this.points = points;
		this.postgres = postgres;
		this.database = database;
		this.poolSize = poolSize;
	}

	@Override
	public String name() {
		return "raw";
	}

	@Override
	public String database() {
		return database;
	}

	@Override
	public void start() throws SQLException {
		dataSource = postgres.pool(database, poolSize);
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
	}

	@Override
	public void lifecycle(long n) throws SQLException {
		try (var c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			var id = TimeOrderedIds.next(); // as the product makes a case's id (decision 0022)
			var department = UUID.fromString(DEPARTMENT);
			var chain = new Chain("case/" + id);
			var now = Instant.now();
			var month = "2026-12";
			// the product's slot of the case's counters (decisions evaluation-01, -02): hash of the case id mod 32
			var slot = (short) Math.floorMod(id.hashCode(), TALLY_SLOTS);
			var lap = System.nanoTime();
			// report
			try (var s = c.prepareStatement("""
					insert into cases_case (id, tracking_code, intake_key, channel, status, tier, title, description,
					category_standard, category_code, urgency, complex, region, grid, placement, longitude, latitude, address,
					reporter_name, reporter_phone, reporter_phone_index, anonymous, confidential, suggested_department, step,
					step_started_at, warn_at, due_at, step_span_seconds, step_unit, return_count, rework_count,
					extension_count, reopen_count, reported_at, version) values (?, ?, null, 'PHONE', 'REPORTED', 'STREET',
					?, ?, 'CJT214', 'E0501', 'NORMAL', false, '652301001001', ?, 'GRID', ?, ?, '延安北路', ?, ?, ?,
					false, false, ?, 'DISPATCH', ?, ?, ?, 1800, 'MINUTES', 0, 0, 0, 0, ?, 0)""")) {
				s.setObject(1, id);
				s.setString(2, Long.toString(36L * 36 * 36 * 36 * 36 * 36 + n, 36).toUpperCase());
				s.setString(3, "无照游商占道 " + n);
				s.setString(4, "延安北路与北京南路交叉口有流动摊贩占道经营");
				s.setObject(5, department);
				var point = points.of(n);
				s.setDouble(6, point[0]);
				s.setDouble(7, point[1]);
				s.setString(8, "v1:" + "x".repeat(40));
				s.setString(9, "v1:" + "y".repeat(48));
				s.setString(10, "z".repeat(64));
				s.setObject(11, department);
				s.setTimestamp(12, Timestamp.from(now));
				s.setTimestamp(13, Timestamp.from(now.plus(Duration.ofMinutes(24))));
				s.setTimestamp(14, Timestamp.from(now.plus(Duration.ofMinutes(30))));
				s.setTimestamp(15, Timestamp.from(now));
				s.executeUpdate();
			}
			chain.append(c, "case.report", "{\"channel\":\"PHONE\",\"placement\":\"GRID\",\"region\":\"652301001001\","
					+ "\"tier\":\"STREET\",\"to\":\"REPORTED\"}");
			c.commit();
			lap = steps.lap("report", lap);
			// file
			update(c, id, 0, "status = 'FILED', filed_at = now()");
			chain.append(c, "case.file", "{\"category\":\"CJT214/E0501\",\"complex\":false,\"from\":\"REPORTED\","
					+ "\"tier\":\"STREET\",\"to\":\"FILED\",\"urgency\":\"NORMAL\"}");
			c.commit();
			lap = steps.lap("file", lap);
			// dispatch
			update(c, id, 1, "status = 'DISPATCHED', lead_department = '" + DEPARTMENT + "', dispatched_at = now(), "
					+ "step = 'CLAIM', step_started_at = now(), warn_at = now() + interval '48 minutes', "
					+ "due_at = now() + interval '1 hour', step_span_seconds = 3600, step_unit = 'WORKING_HOURS'");
			chain.append(c, "case.dispatch", "{\"assisting\":[],\"from\":\"FILED\",\"lead\":\"" + DEPARTMENT
					+ "\",\"tier\":\"STREET\",\"to\":\"DISPATCHED\"}");
			try (var s = c.prepareStatement("""
					insert into notification_notice (id, audience, department, kind, case_id, created_at, addressee)
					values (?, 'DEPARTMENT', ?, 'ORDER', ?, now(), ?)""")) {
				s.setObject(1, TimeOrderedIds.next());
				s.setObject(2, department);
				s.setObject(3, id);
				s.setString(4, department.toString());
				s.executeUpdate();
			}
			tally(c, month, slot, "dispatched = dispatched + 1");
			c.commit();
			lap = steps.lap("dispatch", lap);
			// claim
			update(c, id, 2, "status = 'IN_PROGRESS', claimed_at = now(), step = 'HANDLE', step_started_at = now(), "
					+ "warn_at = now() + interval '5 days', due_at = now() + interval '7 days', step_span_seconds = 201600, "
					+ "step_unit = 'WORKING_DAYS'");
			chain.append(c, "case.claim", "{\"from\":\"DISPATCHED\",\"tier\":\"STREET\",\"to\":\"IN_PROGRESS\"}");
			tally(c, month, slot, "claimed_on_time = claimed_on_time + 1");
			c.commit();
			lap = steps.lap("claim", lap);
			// report back
			update(c, id, 3, "status = 'REPORTED_BACK', reported_back_at = now(), step = 'VERIFY', "
					+ "step_started_at = now(), warn_at = now() + interval '48 minutes', due_at = now() + interval '1 hour',"
					+ " step_span_seconds = 3600, step_unit = 'WORKING_HOURS'");
			chain.append(c, "case.reportBack", "{\"from\":\"IN_PROGRESS\",\"note\":\"已劝离摊贩并宣传教育\","
					+ "\"tier\":\"STREET\",\"to\":\"REPORTED_BACK\"}");
			c.commit();
			lap = steps.lap("reportBack", lap);
			// verify (pass) closes
			update(c, id, 4, "status = 'CLOSED', resolved_at_tier = 'DEPARTMENT', closed_at = now(), step = 'EVALUATE', "
					+ "step_started_at = now(), warn_at = now() + interval '134 hours', due_at = now() + interval '7 days', "
					+ "step_span_seconds = 604800, step_unit = 'MINUTES'");
			chain.append(c, "case.verifyPass", "{\"from\":\"REPORTED_BACK\",\"note\":\"现场已无摊贩\","
					+ "\"tier\":\"STREET\",\"to\":\"CLOSED\"}");
			tally(c, month, slot, "closed = closed + 1, closed_department = closed_department + 1");
			c.commit();
			lap = steps.lap("verify", lap);
			// evaluate
			update(c, id, 5, "status = 'EVALUATED', rating = 'SATISFIED', resolved = true, evaluated_at = now(), "
					+ "step = null, step_started_at = null, warn_at = null, due_at = null, step_span_seconds = null, "
					+ "step_unit = null");
			chain.append(c, "case.evaluate", "{\"from\":\"CLOSED\",\"note\":\"谢谢\",\"rating\":\"SATISFIED\","
					+ "\"resolved\":true,\"source\":\"RESIDENT\",\"tier\":\"STREET\",\"to\":\"EVALUATED\"}");
			try (var s = c.prepareStatement("""
					insert into evaluation_case (case_id, region, department, rating, resolved, source, unsatisfactory,
					evaluated_at) values (?, '652301001001', ?, 'SATISFIED', true, 'RESIDENT', false, now())""")) {
				s.setObject(1, id);
				s.setObject(2, department);
				s.executeUpdate();
			}
			tally(c, month, slot, "rated = rated + 1, resolved = resolved + 1, satisfied = satisfied + 1");
			c.commit();
			steps.lap("evaluate", lap);
			if (LifecycleBench.readBackInCost) {
				// -Dbench.readBackInCost=true: the finished case read once by id (an index scan's heap fetch, which
				// prunes its page when it has < 10 % free), as a tracking page would; cost phase only (wal7)
				try (var s = c.prepareStatement("select version from cases_case where id = ?")) {
					s.setObject(1, id);
					s.executeQuery().close();
				}
				c.commit();
			}
		}
	}

	private static void update(Connection c, UUID id, long version, String set) throws SQLException {
		try (var s = c.prepareStatement("update cases_case set " + set + ", version = version + 1 where id = ? and version = ?")) {
			s.setObject(1, id);
			s.setLong(2, version);
			if (s.executeUpdate() != 1) {
				throw new IllegalStateException("conflict on " + id);
			}
		}
	}

	private static void tally(Connection c, String month, short slot, String set) throws SQLException {
		try (var s = c.prepareStatement("update evaluation_month_tally set " + set
				+ " where tally_month = ? and region = '652301001001' and department = '" + DEPARTMENT + "' and slot = ?")) {
			s.setString(1, month);
			s.setShort(2, slot);
			if (s.executeUpdate() == 0) {
				try (var i = c.prepareStatement("""
						insert into evaluation_month_tally (tally_month, region, department, slot, dispatched, returned,
						claimed_on_time, reworked, extended, closed, closed_grid, closed_community, closed_department, rated,
						resolved, satisfied) values (?, '652301001001', '%s', ?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
						on conflict do nothing""".formatted(DEPARTMENT))) {
					i.setString(1, month);
					i.setShort(2, slot);
					i.executeUpdate();
				}
				s.executeUpdate();
			}
		}
	}

	/** The history chain of one case: sequence and hash of the head, kept by the driver. */
	private static final class Chain {

		private final String stream;

		private int seq;

		private String head = "0".repeat(64);

		Chain(String stream) {
			this.stream = stream;
		}

		void append(Connection c, String action, String details) throws SQLException {
			seq++;
			var at = Instant.now();
			var hash = sha256(String.join("\u001f", head, stream, Integer.toString(seq), at.toString(), "actor", action,
					details));
			try (var s = c.prepareStatement("""
					insert into audit_entry (stream, seq, at, actor_id, actor_name, action, details, previous_hash, hash)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
				s.setString(1, stream);
				s.setInt(2, seq);
				s.setTimestamp(3, Timestamp.from(at));
				s.setString(4, UUID.randomUUID().toString());
				s.setString(5, "宁边路街道调度员");
				s.setString(6, action);
				s.setString(7, details);
				s.setString(8, head);
				s.setString(9, hash);
				s.executeUpdate();
			}
			head = hash;
		}

		private static String sha256(String text) {
			try {
				return HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}

	}

	@Override
	public Steps steps() {
		return steps;
	}

	@Override
	public String check() {
		try (var c = dataSource.getConnection(); var s = c.createStatement();
				var rs = s.executeQuery("select count(*) filter (where status = 'EVALUATED'), count(*) from cases_case")) {
			rs.next();
			return rs.getLong(1) + " of " + rs.getLong(2) + " cases evaluated";
		}
		catch (SQLException e) {
			return e.getMessage();
		}
	}

	@Override
	public void close() {
		Postgres.close(dataSource);
	}

}
