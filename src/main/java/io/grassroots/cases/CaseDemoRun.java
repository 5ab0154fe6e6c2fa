package io.grassroots.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.RegionView;

/** One demo case being told, step by step, at its own time (a time fixed for each step). */
final class CaseDemoRun {

	static final Upload PHOTO = new Upload("demo.png", java.util.Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));

	private static final Channel[] STAFF_CHANNELS = { Channel.PHONE, Channel.PHONE, Channel.STREET_PATROL,
			Channel.VIDEO_PATROL, Channel.DOOR_TO_DOOR_VISIT, Channel.PETITION_RECEPTION, Channel.MAILBOX,
			Channel.CONDUCT_HOTLINE, Channel.CADRE_VISIT, Channel.JOINT_MEETING };

	private final CaseManagement cases;

	private final CaseTime time;

	private final DepartmentDirectory departments;

	private final Random random;

	private final CaseDemoStory story;

	private final RegionView community;

	private final double[] point;

	private final CaseDemoTexts.Matter matter;

	private final Actor dispatcher;

	private final Instant now;

	private Instant at;

	private CaseSummary subject;

	private boolean caughtUp;

	CaseDemoRun(CaseManagement cases, CaseTime time, DepartmentDirectory departments, Random random,
			CaseDemoStory story, RegionView community, double[] point, CaseDemoTexts.Matter matter, Instant reportedAt,
			Instant now) {
		this.cases = cases;
		this.time = time;
		this.departments = departments;
		this.random = random;
		this.now = now;
		this.story = story;
		this.community = community;
		this.point = point;
		this.matter = matter;
		this.at = reportedAt;
		this.dispatcher = CaseDemoData.actor(Role.DISPATCHER, DataScope.region(community.code().parentByDigits()), "调度员");
	}

	void tell() {
		if (story.grid()) {
			subject = time.at(at, () -> cases.report(gridWorker(), intake(Channel.GRID_REPORT)));
			story.tellInGrid(this);
			return;
		}
		var channel = STAFF_CHANNELS[random.nextInt(STAFF_CHANNELS.length)];
		subject = time.at(at, () -> cases.report(dispatcher, intake(channel)));
		story.tellAtStreet(this);
	}

	/** The next step, a while after the last one; a story that has caught up with now stops where it is. */
	void step(int minutes, UnaryOperator<CaseSummary> action) {
		var next = at.plus(Duration.ofMinutes(minutes + random.nextInt(Math.max(1, minutes / 2 + 1))));
		caughtUp = caughtUp || !next.isBefore(now);
		if (!caughtUp) {
			at = next;
			subject = time.at(at, () -> action.apply(subject));
		}
	}

	Rating someRating() {
		var draw = random.nextInt(10);
		return draw < 6 ? Rating.SATISFIED : draw < 9 ? Rating.BASICALLY_SATISFIED : Rating.DISSATISFIED;
	}

	void file() {
		step(12, c -> cases.file(dispatcher, c.id(), c.version(), matter.category(), Urgency.NORMAL, false, null));
	}

	void dispatch(DepartmentKind instead) {
		var lead = instead != null ? department(instead) : subject.suggestedDepartment() != null
				? subject.suggestedDepartment() : department(DepartmentKind.URBAN_MANAGEMENT);
		step(10, c -> cases.dispatch(dispatcher, c.id(), c.version(), lead, List.of(), null));
	}

	void claim() {
		step(40, c -> cases.claim(handler(), c.id(), c.version()));
	}

	void returnOrder() {
		step(30, c -> cases.returnOrder(handler(), c.id(), c.version(), pick(CaseDemoTexts.RETURN_REASONS)));
	}

	void reportBack(int days) {
		step(days * 24 * 60, c -> cases.reportBack(handler(), c.id(), c.version(), pick(CaseDemoTexts.RESULTS),
				List.of(PHOTO)));
	}

	void verify(boolean passed) {
		step(90, c -> cases.verify(gridWorker(), c.id(), c.version(), passed, passed ? "现场核查，已整改到位" : "现场仍未整改到位",
				List.of()));
	}

	void evaluate(Rating rating) {
		step(24 * 60, c -> cases.evaluateByResident(c.trackingCode(), rating, rating != Rating.DISSATISFIED, null));
	}

	void requestExtension() {
		step(60, c -> cases.requestExtension(handler(), c.id(), c.version(), TimeLimit.workingDays(3), "需协调多个部门联合处置"));
	}

	void park() {
		step(120, c -> cases.park(dispatcher, c.id(), c.version(), "涉及规划调整，暂时无法解决，列入挂账"));
	}

	void reject() {
		step(20, c -> cases.reject(dispatcher, c.id(), c.version(), pick(CaseDemoTexts.REJECT_REASONS)));
	}

	void voidCase() {
		step(20, c -> cases.voidCase(dispatcher, c.id(), c.version(), "重复录入", "街道分管领导（演示）"));
	}

	void reopen() {
		var supervisor = CaseDemoData.actor(Role.SUPERVISOR, DataScope.region(community.code().parentByDigits().parentByDigits()), "督办员");
		step(120, c -> cases.reopen(supervisor, c.id(), c.version(), "群众不满意，重新办理"));
	}

	void mergeIntoTwin() {
		var twin = subject;
		step(20, c -> cases.report(dispatcher, intake(Channel.PHONE)));
		step(25, c -> cases.merge(dispatcher, c.id(), c.version(), twin.id(), "同一问题，合并办理"));
	}

	void resolveOnSite() {
		step(30, c -> cases.resolveOnSite(gridWorker(), c.id(), c.version(), "网格员现场协调解决", List.of(PHOTO)));
	}

	void handOver() {
		step(30, c -> cases.handOverToCommunity(gridWorker(), c.id(), c.version(), null));
	}

	void resolveInCommunity() {
		var staff = CaseDemoData.actor(Role.COMMUNITY_STAFF, DataScope.region(community.code()), "社区干部");
		step(8 * 60, c -> cases.resolve(staff, c.id(), c.version(), "社区召集物业和业主协商解决", List.of()));
	}

	void escalate() {
		step(30, c -> cases.escalate(gridWorker(), c.id(), c.version(), "需要职能部门执法"));
	}

	private Intake intake(Channel channel) {
		var lng = point == null ? null : point[0];
		var lat = point == null ? null : point[1];
		var anonymous = random.nextInt(5) == 0;
		return new Intake(channel, matter.title(), matter.description() + CaseDemoTexts.MARK, matter.category(),
				Urgency.NORMAL, lng, lat, CoordinateSystem.WGS84, null, channel == Channel.GRID_REPORT && point != null
						? null : community.code(), anonymous ? null : "居民" + (char) ('甲' + random.nextInt(10)) + "（演示）",
				anonymous ? null : "1380000" + String.format("%04d", random.nextInt(10_000)), anonymous,
				(story == CaseDemoStory.NEW || story == CaseDemoStory.FILED) && random.nextInt(5) == 0, null, List.of());
	}

	private Actor gridWorker() {
		return CaseDemoData.actor(Role.GRID_WORKER, DataScope.region(community.code()), "网格员");
	}

	private Actor handler() {
		var lead = subject.leadDepartment();
		return new Actor(CaseDemoData.demoId("handler-" + lead), "demo-handler", "部门处置员（演示）", Set.of(Role.DEPARTMENT_HANDLER),
				DataScope.department(lead.id(), community.code().parentByDigits().parentByDigits()));
	}

	private DepartmentId department(DepartmentKind kind) {
		return departments.suggest(community.code(), kind).orElseThrow().id();
	}

	private String pick(List<String> texts) {
		return texts.get(random.nextInt(texts.size()));
	}

}
