package io.grassroots.cases;

import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

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

	CaseDemoData(CaseManagement cases, CaseTime time, Regions regions, DepartmentDirectory departments) {
		this.cases = cases;
		this.time = time;
		this.regions = regions;
		this.departments = departments;
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
		for (var i = 0; i < CASES; i++) {
			var story = CaseDemoStory.values()[random.nextInt(CaseDemoStory.values().length)];
			var community = communities.get(random.nextInt(communities.size()));
			var matter = CaseDemoTexts.MATTERS.get(random.nextInt(CaseDemoTexts.MATTERS.size()));
			new CaseDemoRun(cases, time, departments, random, story, community, matter, story.reportedAt(now, random), now)
				.tell();
		}
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
