package io.grassroots.bench.city;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Makes one case and its history: draws when, where, through which channel and about what it was reported, then
 * lives its life through the state table (grid worker on site, community, or the street's dispatch, department
 * claim, handling, report-back, verification, closure, evaluation; with returns, extensions, parking and rework at
 * realistic rates) with step durations drawn from the real data, and stops at "now". Whatever state it reached is
 * its state; its history entries are exactly the transitions it went through (a valid hash chain), its clock is the
 * one of its current step.
 */
final class CaseMaker {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private static final String[] CHANNELS = { "GRID_REPORT", "STREET_PATROL", "VIDEO_PATROL", "PHONE",
			"CONDUCT_HOTLINE", "ONLINE", "DOOR_TO_DOOR_VISIT", "PETITION_RECEPTION", "MAILBOX", "CADRE_VISIT",
			"JOINT_MEETING" };

	private static final double[] CHANNEL_SHARE = { 45, 7, 5, 12, 5, 12, 5, 3, 2, 2, 2 };

	/** Citizen-message labels (teddycup 附件2) → the governance-matters branch they belong to. */
	static final Map<String, String> LABEL_BRANCH = Map.of("城乡建设", "01", "环境保护", "02", "交通运输", "03", "商贸旅游",
			"04", "劳动和社会保障", "05", "教育文体", "07", "卫生计生", "08");

	private static final double[] HOUR_SHARE = { 1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 7, 9, 9, 8, 5, 4, 7, 8, 8, 7, 5, 4,
			3, 2.5, 2, 1.5 };

	static final UUID NO_DEPARTMENT = new UUID(0, 0);

	record Actor(String id, String name) {
	}

	record Accounts(Map<String, Actor> dispatchers, Map<String, Actor> gridWorkers, Map<UUID, Actor> handlers) {
	}

	record Reporter(String name, String phone, String phoneIndex) {
	}

	private final City city;

	private final Corpus corpus;

	private final Accounts accounts;

	private final List<Reporter> reporters;

	private final Instant start;

	private final Instant now;

	private final double openBias;

	private final Tally tally;

	private final List<City.Category> cityCategories = new ArrayList<>();

	private final Map<String, List<City.Category>> mattersByBranch = new TreeMap<>();

	private final List<String> labels;

	private final double[] labelShare;

	private final double[] channelCdf = cdf(CHANNEL_SHARE);

	private final double[] hourCdf = cdf(HOUR_SHARE);

	private final MessageDigest sha;

	CaseMaker(City city, Corpus corpus, Accounts accounts, List<Reporter> reporters, Instant start, Instant now,
			double openBias, Tally tally) {
		this.city = city;
		this.corpus = corpus;
		this.accounts = accounts;
		this.reporters = reporters;
		this.start = start;
		this.now = now;
		this.openBias = openBias;
		this.tally = tally;
		for (var c : city.categories) {
			if (c.standard().equals("CJT214")) {
				if (c.code().startsWith("E") || c.code().startsWith("P")) {
					cityCategories.add(c);
				}
			}
			else {
				mattersByBranch.computeIfAbsent(c.code().substring(0, 2), k -> new ArrayList<>()).add(c);
			}
		}
		labels = new ArrayList<>(corpus.byLabel.keySet());
		labelShare = cdf(labels.stream().mapToDouble(l -> corpus.byLabel.get(l).size()).toArray());
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/** The tables one batch writes, in the order they are copied. */
	static final class Batch {

		final Copy cases = new Copy("cases_case", "id, tracking_code, channel, status, tier, resolved_at_tier, title, "
				+ "description, category_standard, category_code, urgency, complex, region, grid, placement, longitude, "
				+ "latitude, address, reporter_name, reporter_phone, reporter_phone_index, anonymous, confidential, "
				+ "suggested_department, lead_department, merged_into, step, step_started_at, warn_at, due_at, "
				+ "step_span_seconds, step_unit, parked_at, parked_remaining_seconds, extension_amount, extension_unit, "
				+ "return_count, rework_count, extension_count, reopen_count, rating, resolved, reported_at, filed_at, "
				+ "dispatched_at, claimed_at, reported_back_at, closed_at, evaluated_at, version, assisted");

		final Copy history = new Copy("audit_entry",
				"stream, seq, at, actor_id, actor_name, action, details, previous_hash, hash");

		final Copy assists = new Copy("cases_assist",
				"case_id, department, reported_at, case_status, case_due_at, case_reported_at");

		final Copy evaluations = new Copy("evaluation_case",
				"case_id, region, department, rating, resolved, source, unsatisfactory, evaluated_at");

		final Copy ratings = new Copy("evaluation_department_rating",
				"case_id, department, region, score, note, rated_at, rated_by, rated_by_name");

		List<Copy> all() {
			return List.of(cases, history, assists, evaluations, ratings);
		}

	}

	/** The life of one case so far. */
	private final class Life {

		final UUID id;

		final String stream;

		final Batch out;

		String status = "REPORTED";

		String tier;

		int seq;

		String head = "0".repeat(64);

		Instant t;

		Life(UUID id, Batch out, String tier, Instant reported) {
			this.id = id;
			this.stream = "case/" + id;
			this.out = out;
			this.tier = tier;
			this.t = reported;
		}

		/** Moves on to {@code at} if that is not in the future; false when the case's life so far ends before. */
		boolean step(Instant at, String action, String to, Actor by, String key, Object value) {
			if (at.isAfter(now)) {
				return false;
			}
			t = at;
			var details = new TreeMap<String, Object>();
			if (seq > 0) {
				details.put("from", status);
			}
			status = to;
			if (key != null) {
				details.put(key, value);
			}
			details.put("tier", tier);
			details.put("to", to);
			var json = json(details);
			seq++;
			var hash = hash(head, stream, seq, at, by.id(), action, json);
			out.history.add(stream).add(seq).add(at).add(by.id()).add(by.name()).add(action).add(json).add(head)
				.add(hash).end();
			head = hash;
			return true;
		}

	}

	void make(long index, Batch out) {
		var random = new SplittableRandom(index * 0x9E3779B97F4A7C15L + 12345);
		var id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
		var reported = reportedAt(random);
		var community = city.community(random.nextDouble());
		var channel = CHANNELS[pick(channelCdf, random.nextDouble())];
		var gridChannel = channel.equals("GRID_REPORT");
		var patrol = gridChannel || channel.endsWith("_PATROL");
		City.Category category;
		String title;
		String text;
		if (patrol && random.nextDouble() < 0.8 || labels.isEmpty() && random.nextDouble() < 0.5) {
			category = cityCategories.get(random.nextInt(cityCategories.size()));
			title = community.name() + category.name();
			text = (gridChannel ? "网格员巡查发现" : channel.equals("VIDEO_PATROL") ? "视频巡查发现" : "街面巡查发现") + community.name()
					+ "辖区" + category.name() + "，" + (random.nextBoolean() ? "影响居民出行，请尽快处置。" : "已拍照取证，请相关部门处理。");
		}
		else if (!labels.isEmpty() && random.nextDouble() < 0.75) {
			var label = labels.get(pick(labelShare, random.nextDouble()));
			var branch = mattersByBranch.get(LABEL_BRANCH.getOrDefault(label, "12"));
			category = branch.get(random.nextInt(branch.size()));
			var m = corpus.byLabel.get(label).get(random.nextInt(corpus.byLabel.get(label).size()));
			title = m.title();
			text = m.text();
		}
		else {
			var branches = List.of("06", "09", "10", "11", "12");
			var branch = mattersByBranch.get(branches.get(random.nextInt(branches.size())));
			category = branch.get(random.nextInt(branch.size()));
			if (corpus.unlabelled.isEmpty()) {
				title = community.name() + category.name();
				text = "居民反映" + community.name() + category.name() + "问题，希望尽快解决。";
			}
			else {
				var m = corpus.unlabelled.get(random.nextInt(corpus.unlabelled.size()));
				title = m.title();
				text = m.text();
			}
		}
		var urgent = random.nextDouble() < 0.06;
		var complex = !urgent && random.nextDouble() < 0.05;
		var lead = city.department(community.county(), category.kind());
		var dispatcher = accounts.dispatchers().get(community.street());
		var gridWorker = accounts.gridWorkers().get(community.street());
		var handler = accounts.handlers().get(lead.id());
		var life = new Life(id, out, gridChannel ? "GRID" : "STREET", reported);
		var reporter = reporters.get(random.nextInt(reporters.size()));
		var anonymous = gridChannel || random.nextDouble() < 0.15;
		var by = gridChannel ? gridWorker : dispatcher;
		life.step(reported, "case.report", "REPORTED", by, "channel", channel);
		var c = new State();
		c.reported = reported;
		var resolvedAt = (String) null;
		// The grid and the community first.
		var street = !gridChannel;
		if (gridChannel) {
			var r = random.nextDouble();
			var at = life.t.plus(minutes(random, 60, 1.0));
			if (r < 0.55) {
				if (life.step(at, "case.resolveOnSite", "CLOSED", gridWorker, "note", "已现场处置")) {
					resolvedAt = "GRID";
				}
			}
			else if (r < 0.70) {
				if (life.step(at, "case.handOver", "COMMUNITY_HANDLING", gridWorker, null, null)) {
					life.tier = "COMMUNITY";
					if (life.step(life.t.plus(minutes(random, 2 * 24 * 60, 1.0)), "case.resolve", "CLOSED", dispatcher,
							"note", "社区已协调解决")) {
						resolvedAt = "COMMUNITY";
					}
				}
			}
			else {
				life.tier = "STREET";
				street = life.step(at, "case.escalate", "REPORTED", gridWorker, null, null);
				if (!street) {
					life.tier = "GRID";
				}
			}
		}
		var filedAt = (Instant) null;
		var dispatchStart = life.t;
		if (street) {
			var r = random.nextDouble();
			var at = life.t.plus(minutes(random, urgent ? 6 : 22, 0.8));
			if (r < 0.04) {
				life.step(at, "case.reject", "REJECTED", dispatcher, "note", "不属于受理范围");
			}
			else if (r < 0.055) {
				life.step(at, "case.merge", "MERGED", dispatcher, "note", "重复反映");
			}
			else if (r < 0.057) {
				life.step(at, "case.void", "VOID", dispatcher, "note", "误报");
			}
			else if (r < 0.11) {
				if (life.step(at, "case.assignToCommunity", "COMMUNITY_HANDLING", dispatcher, null, null)) {
					life.tier = "COMMUNITY";
					if (life.step(life.t.plus(minutes(random, 2 * 24 * 60, 1.0)), "case.resolve", "CLOSED", dispatcher,
							"note", "社区已协调解决")) {
						resolvedAt = "COMMUNITY";
					}
				}
			}
			else if (life.step(at, "case.file", "FILED", dispatcher, "category",
					category.standard() + ":" + category.code())) {
				filedAt = life.t;
				resolvedAt = department(random, life, c, community.code(), lead, dispatcher, handler, urgent, out);
			}
		}
		if ("CLOSED".equals(life.status)) {
			c.closed = life.t;
			count(life.t, community.code(), resolvedAt.equals("DEPARTMENT") ? lead.id() : null, "closed",
					"closed_" + resolvedAt.toLowerCase());
			evaluate(random, life, c, community.code(), resolvedAt.equals("DEPARTMENT") ? lead : null, dispatcher, out);
		}
		var reporterPlace = community.grids().isEmpty() ? null : community.grids().get(random.nextInt(community.grids().size()));
		var x = out.cases;
		x.add(id).add(trackingCode(index)).add(channel).add(life.status).add(life.tier).add(resolvedAt == null
				|| !(life.status.equals("CLOSED") || life.status.equals("EVALUATED")) ? null : resolvedAt);
		x.add(title).add(text).add(category.standard()).add(category.code()).add(urgent ? "URGENT" : "NORMAL").add(complex);
		x.add(community.code()).add(reporterPlace == null ? null : reporterPlace.id())
			.add(reporterPlace == null ? "NAMED_COMMUNITY" : "GRID");
		if (reporterPlace == null) {
			x.add((Object) null).add((Object) null);
		}
		else {
			x.add(reporterPlace.minLng() + random.nextDouble() * (reporterPlace.maxLng() - reporterPlace.minLng()))
				.add(reporterPlace.minLat() + random.nextDouble() * (reporterPlace.maxLat() - reporterPlace.minLat()));
		}
		x.add(community.name() + (1 + random.nextInt(120)) + "号附近");
		x.add(anonymous ? null : reporter.name()).add(anonymous ? null : reporter.phone())
			.add(anonymous ? null : reporter.phoneIndex()).add(anonymous).add(random.nextDouble() < 0.01);
		x.add(lead.id()).add(c.dispatched == null ? null : c.lead).add((Object) null);
		clock(c, life, urgent, complex, category, dispatchStart, x);
		x.add(c.returns).add(c.reworks).add(c.extensions).add(0).add(c.rating).add(c.resolved);
		x.add(reported).add(filedAt).add(c.dispatched).add(c.claimed).add(c.reportedBack).add(c.closed).add(c.evaluated)
			.add(life.seq - 1).add(c.assisting != null);
		x.end();
		if (c.assisting != null) {
			// With the copy of the case's state and deadline that the department's inbox reads (AssistStore).
			out.assists.add(id).add(c.assisting).add(c.assistReported).add(life.status).add(c.due).add(reported).end();
		}
	}

	/** What the row keeps besides the state. */
	private static final class State {

		Instant reported, dispatched, claimed, reportedBack, closed, evaluated, parkedAt, extensionAsked, due;

		UUID lead, assisting;

		Instant assistReported;

		int returns, reworks, extensions;

		String rating;

		Boolean resolved;

		long handleExtraSeconds;

	}

	private String department(SplittableRandom random, Life life, State c, String region, City.Department lead,
			Actor dispatcher, Actor handler, boolean urgent, Batch out) {
		if (!life.step(life.t.plus(minutes(random, urgent ? 4 : 10, 0.8)), "case.dispatch", "DISPATCHED", dispatcher,
				"lead", lead.id().toString())) {
			return null;
		}
		c.dispatched = life.t;
		c.lead = lead.id();
		count(life.t, region, lead.id(), "dispatched");
		var assisting = random.nextDouble() < 0.05 ? city.allDepartments.get(random.nextInt(city.allDepartments.size()))
				: null;
		var result = handle(random, life, c, region, lead, dispatcher, handler, urgent);
		if (assisting != null && !assisting.id().equals(lead.id())) {
			// Assisting departments report their part before the lead reports back.
			var part = c.reportedBack == null ? null : c.reportedBack.minus(minutes(random, 120, 0.8));
			c.assisting = assisting.id();
			c.assistReported = part != null && part.isAfter(c.dispatched) ? part : c.reportedBack;
		}
		return result;
	}

	private String handle(SplittableRandom random, Life life, State c, String region, City.Department lead,
			Actor dispatcher, Actor handler, boolean urgent) {
		if (random.nextDouble() < 0.05) {
			if (!life.step(life.t.plus(minutes(random, 40, 1.0)), "case.return", "FILED", handler, "note", "非本部门职责")) {
				return null;
			}
			c.returns = 1;
			count(life.t, region, lead.id(), "returned");
			if (!life.step(life.t.plus(minutes(random, 15, 1.0)), "case.dispatch", "DISPATCHED", dispatcher, "lead",
					lead.id().toString())) {
				return null;
			}
			c.dispatched = life.t;
		}
		var claimLimit = urgent ? 30 : 60 * 4;
		var claimAt = life.t.plus(minutes(random, urgent ? 12 : 45, 1.0));
		if (!life.step(claimAt, "case.claim", "IN_PROGRESS", handler, null, null)) {
			return null;
		}
		c.claimed = life.t;
		if (!claimAt.isAfter(c.dispatched.plus(claimLimit, ChronoUnit.MINUTES))) {
			count(life.t, region, lead.id(), "claimed_on_time");
		}
		var handle = urgent ? minutes(random, 90, 0.7) : java.time.Duration.ofMinutes(corpus.handleMinutes(random));
		if (random.nextDouble() < 0.08) {
			c.extensionAsked = life.t.plus(handle.dividedBy(2));
			if (!life.step(c.extensionAsked, "case.requestExtension", "IN_PROGRESS", handler, "days", 3)) {
				return null;
			}
			if (!life.step(life.t.plus(minutes(random, 180, 1.0)), "case.approveExtension", "IN_PROGRESS", dispatcher,
					"days", 3)) {
				return null;
			}
			c.extensionAsked = null;
			c.extensions = 1;
			c.handleExtraSeconds = 3 * 8 * 3600;
			count(life.t, region, lead.id(), "extended");
		}
		if (random.nextDouble() < 0.015 * openBias) {
			c.parkedAt = life.t.plus(handle.dividedBy(3));
			if (!life.step(c.parkedAt, "case.park", "PARKED", dispatcher, "note", "需统筹资金，暂缓办理")) {
				return null;
			}
			if (!life.step(life.t.plus(minutes(random, 45 * 24 * 60, 0.8)), "case.restore", "IN_PROGRESS", dispatcher,
					null, null)) {
				return null;
			}
			c.parkedAt = null;
		}
		for (var round = 0;; round++) {
			if (!life.step(life.t.plus(round == 0 ? handle : handle.dividedBy(2)), "case.reportBack",
					"REPORTED_BACK", handler, "note", "已按要求处置完毕")) {
				return null;
			}
			c.reportedBack = life.t;
			var verifyAt = life.t.plus(minutes(random, 150, 1.0));
			if (round == 0 && random.nextDouble() < 0.06) {
				if (!life.step(verifyAt, "case.verifyFail", "IN_PROGRESS", dispatcher, "note", "核查未通过，返工")) {
					return null;
				}
				c.reworks = 1;
				count(life.t, region, lead.id(), "reworked");
				continue;
			}
			return life.step(verifyAt, "case.verifyPass", "CLOSED", dispatcher, null, null) ? "DEPARTMENT" : null;
		}
	}

	private void evaluate(SplittableRandom random, Life life, State c, String region, City.Department department,
			Actor dispatcher, Batch out) {
		var reply = random.nextDouble() < 0.7;
		var at = reply ? life.t.plus(minutes(random, 36 * 60, 1.0)) : life.t.plus(7, ChronoUnit.DAYS);
		if (reply && at.isAfter(life.t.plus(7, ChronoUnit.DAYS))) {
			at = life.t.plus(7, ChronoUnit.DAYS).minusSeconds(60);
		}
		var r = random.nextDouble();
		var rating = !reply ? "NO_REPLY" : r < 0.78 ? "SATISFIED" : r < 0.93 ? "BASICALLY_SATISFIED" : "DISSATISFIED";
		var resolved = !reply ? null : (Boolean) (random.nextDouble() < (rating.equals("DISSATISFIED") ? 0.3 : 0.96));
		if (!life.step(at, "case.evaluate", "EVALUATED", reply ? dispatcher : new Actor("system", "系统"), "rating",
				rating)) {
			return;
		}
		c.evaluated = life.t;
		c.rating = rating;
		c.resolved = resolved;
		var dept = department == null ? null : department.id();
		out.evaluations.add(life.id).add(region).add(dept).add(rating).add(resolved)
			.add(!reply ? "NO_REPLY" : random.nextDouble() < 0.8 ? "RESIDENT" : "CALLBACK")
			.add(rating.equals("DISSATISFIED") || Boolean.FALSE.equals(resolved)).add(life.t).end();
		if (reply) {
			var columns = new ArrayList<String>(List.of("rated"));
			if (Boolean.TRUE.equals(resolved)) {
				columns.add("resolved");
			}
			if (!rating.equals("DISSATISFIED")) {
				columns.add("satisfied");
			}
			count(life.t, region, dept, columns.toArray(String[]::new));
		}
		if (department != null && random.nextDouble() < 0.6) {
			out.ratings.add(life.id).add(department.id()).add(region).add(3 + random.nextInt(3)).add((Object) null)
				.add(life.t).add(dispatcher.id()).add(dispatcher.name()).end();
		}
	}

	/** The clock of the step the case is in (none in the final states and at the grid and community tiers). */
	private void clock(State c, Life life, boolean urgent, boolean complex, City.Category category,
			Instant dispatchStart, Copy x) {
		String step = null;
		Instant started = null;
		long span = 0;
		String unit = null;
		var wall = 1.0;
		switch (life.status) {
			case "REPORTED", "FILED" -> {
				if (life.tier.equals("STREET")) {
					step = "DISPATCH";
					started = dispatchStart;
					span = (urgent ? 10 : 30) * 60L;
					unit = "MINUTES";
				}
			}
			case "DISPATCHED" -> {
				step = "CLAIM";
				started = c.dispatched;
				span = urgent ? 30 * 60L : 3600L;
				unit = urgent ? "MINUTES" : "WORKING_HOURS";
			}
			case "IN_PROGRESS", "PARKED" -> {
				step = "HANDLE";
				started = c.claimed;
				var day = category.kind() != null && List.of("WATER", "POWER_SUPPLY").contains(category.kind());
				span = urgent ? 120 * 60L : day ? 1440 * 60L : (complex ? 15 : 7) * 8 * 3600L + c.handleExtraSeconds;
				unit = urgent || day ? "MINUTES" : "WORKING_DAYS";
			}
			case "REPORTED_BACK" -> {
				step = "VERIFY";
				started = c.reportedBack;
				span = 3600L;
				unit = "WORKING_HOURS";
			}
			case "CLOSED" -> {
				step = "EVALUATE";
				started = c.closed;
				span = 10080 * 60L;
				unit = "MINUTES";
			}
			default -> {
			}
		}
		if (unit != null && !unit.equals("MINUTES")) {
			wall = 4.2; // office time runs about 40 of the week's 168 hours
		}
		var parked = life.status.equals("PARKED");
		Instant warn = null;
		Instant due = null;
		if (step != null && !parked) {
			warn = started.plusMillis((long) (span * 0.8 * wall * 1000));
			due = started.plusMillis((long) (span * wall * 1000));
		}
		c.due = due;
		x.add(step).add(started).add(warn).add(due).add(step == null ? null : (Object) span).add(unit);
		if (parked) {
			x.add(life.t).add(Math.max(0, span - (life.t.getEpochSecond() - started.getEpochSecond()) / 4));
		}
		else {
			x.add((Object) null).add((Object) null);
		}
		var pending = life.status.equals("IN_PROGRESS") && c.extensionAsked != null;
		x.add(pending ? (Object) 3 : null).add(pending ? "WORKING_DAYS" : null);
	}

	private void count(Instant at, String region, UUID department, String... columns) {
		if (tally != null) {
			tally.count(at, region, department == null ? NO_DEPARTMENT : department, columns);
		}
	}

	/** Counters of evaluation_month_tally, by the month of the event, as the product's MonthTally counts them. */
	interface Tally {

		void count(Instant at, String region, UUID department, String... columns);

	}

	Instant reportedAt(SplittableRandom random) {
		var growth = 1.0; // twice as many cases at the end of the range as at its start
		var u = random.nextDouble();
		var x = (-1 + Math.sqrt(1 + 2 * growth * u * (1 + growth / 2))) / growth;
		var span = now.getEpochSecond() - start.getEpochSecond();
		var day = start.plusSeconds((long) (x * span)).atZone(BEIJING).toLocalDate();
		var hour = pick(hourCdf, random.nextDouble());
		var at = day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(BEIJING).toInstant()
			.plusMillis(random.nextInt(1000));
		if (openBias > 1 && random.nextDouble() < 0.9) {
			at = now.minusSeconds((long) (random.nextDouble() * 14 * 86400)); // recent: a city in full swing
		}
		return at.isAfter(now) ? now.minusSeconds(random.nextInt(3600) + 1) : at;
	}

	/** A log-normal duration with the given median in minutes, at least a minute. */
	static java.time.Duration minutes(SplittableRandom random, double median, double sigma) {
		return java.time.Duration.ofSeconds(Math.max(60, (long) (60 * median * Math.exp(sigma * Corpus.gaussian(random)))));
	}

	static String trackingCode(long index) {
		var n = Math.floorMod((index + 1) * 1_000_000_007L, 3_656_158_440_062_976L);
		var s = Long.toString(n, 36).toUpperCase();
		return "0".repeat(10 - s.length()) + s;
	}

	private String hash(String previous, String stream, int seq, Instant at, String actor, String action,
			String details) {
		var text = String.join("\u001f", previous, stream, Integer.toString(seq), at.toString(), actor == null ? ""
				: actor, action, details);
		return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** JSON of a small sorted map of strings and numbers, as the product's audit trail writes it. */
	static String json(TreeMap<String, Object> map) {
		var b = new StringBuilder("{");
		for (var e : map.entrySet()) {
			if (b.length() > 1) {
				b.append(',');
			}
			b.append('"').append(e.getKey()).append("\":");
			if (e.getValue() instanceof Number) {
				b.append(e.getValue());
			}
			else {
				b.append('"').append(e.getValue().toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
			}
		}
		return b.append('}').toString();
	}

	static double[] cdf(double[] weights) {
		var out = new double[weights.length];
		var sum = 0.0;
		for (var i = 0; i < weights.length; i++) {
			sum += weights[i];
			out[i] = sum;
		}
		for (var i = 0; i < out.length; i++) {
			out[i] /= sum;
		}
		return out;
	}

	static int pick(double[] cdf, double u) {
		var i = java.util.Arrays.binarySearch(cdf, u);
		return Math.min(cdf.length - 1, i < 0 ? -i - 1 : i);
	}

}
