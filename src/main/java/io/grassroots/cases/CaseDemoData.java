package io.grassroots.cases;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.grassroots.grid.CoordinateSystem;
import io.grassroots.grid.GridNetwork;
import io.grassroots.grid.GridView;
import io.grassroots.identity.AccountId;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.RegionLevel;
import io.grassroots.region.Regions;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.DemoData;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * Three months of demo cases in the streets of 昌吉市, in every state, told through the real transitions at the times
 * they would have happened (a fixed clock per step), so deadlines, lights and history agree. Texts, people and
 * phone numbers are synthetic and marked as demo.
 */
@Component
class CaseDemoData implements DemoData {

	static final List<RegionCode> STREETS = List.of(RegionCode.of("652301001000"), RegionCode.of("652301002000"),
			RegionCode.of("652301003000"));

	static final int CASES = 120;

	private final CaseManagement cases;

	private final CaseTime time;

	private final Regions regions;

	private final DepartmentDirectory departments;

	private final GridNetwork network;

	CaseDemoData(CaseManagement cases, CaseTime time, Regions regions, DepartmentDirectory departments,
			GridNetwork network) {
		this.cases = cases;
		this.time = time;
		this.regions = regions;
		this.departments = departments;
		this.network = network;
	}

	@Override
	public String name() {
		return "cases.demo-cases";
	}

	@Override
	public int order() {
		return 400;
	}

	@Override
	public void load() {
		var random = new Random(2026);
		var now = time.now().truncatedTo(ChronoUnit.MINUTES);
		var communities = STREETS.stream()
			.flatMap(street -> regions.within(street, RegionLevel.COMMUNITY).stream().limit(street == STREETS.get(0) ? 12 : 4))
			.toList();
		// The grids of a community do not change while the demo cases are told: read them once per community.
		var grids = new HashMap<RegionCode, List<GridView>>();
		for (var i = 0; i < CASES; i++) {
			var story = CaseDemoStory.values()[random.nextInt(CaseDemoStory.values().length)];
			var community = communities.get(random.nextInt(communities.size()));
			var matter = CaseDemoTexts.MATTERS.get(random.nextInt(CaseDemoTexts.MATTERS.size()));
			var point = pointIn(community.code(), grids.computeIfAbsent(community.code(), network::grids), random);
			new CaseDemoRun(cases, time, departments, random, story, community, point, matter,
					story.reportedAt(now, random), now)
				.tell();
		}
	}

	/**
	 * A point in one of the community's grids, a little off its centre, so that placement by the grid network puts
	 * the report where the story says; {@code null} (placed by the named community) where the community has no grids.
	 */
	private double[] pointIn(RegionCode community, List<GridView> grids, Random random) {
		if (grids.isEmpty()) {
			return null;
		}
		var centre = network.interiorPoint(grids.get(random.nextInt(grids.size())).id()).orElse(null);
		if (centre == null) {
			return null;
		}
		for (var attempt = 0; attempt < 5; attempt++) {
			var point = new double[] { centre[0] + (random.nextDouble() - 0.5) * 0.002,
					centre[1] + (random.nextDouble() - 0.5) * 0.002 };
			var placed = network.place(point[0], point[1], CoordinateSystem.WGS84, Optional.empty());
			if (placed.placed() && community.equals(placed.community())) {
				return point;
			}
		}
		return centre;
	}

	static Actor actor(Role role, DataScope scope, String name) {
		return new Actor(demoId(role + "-" + scope.region()), "demo-" + role.name().toLowerCase(), name + "（演示）",
				Set.of(role), scope);
	}

	static AccountId demoId(String seed) {
		return new AccountId(UUID.nameUUIDFromBytes(("demo-" + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	/** A time of office hours (Beijing time) on the day {@code daysAgo} days before now. */
	static Instant officeTime(Instant now, int daysAgo, Random random) {
		var day = now.atZone(BeijingTime.ZONE).toLocalDate().minusDays(daysAgo);
		return day.atTime(LocalTime.of(10, 0).plusMinutes(random.nextInt(8 * 60))).atZone(BeijingTime.ZONE).toInstant();
	}

}
