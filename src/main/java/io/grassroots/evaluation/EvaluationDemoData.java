package io.grassroots.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.grassroots.cases.CaseFilter;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseStatus;
import io.grassroots.identity.AccountId;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.DemoData;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Component;

/**
 * The street's ratings of the departments for most of the demo cases they closed (scores drawn with a fixed seed,
 * mostly good), given by a demo supervisor of 昌吉市 through the real rating.
 */
@Component
class EvaluationDemoData implements DemoData {

	private final EvaluationManagement evaluations;

	private final CaseQueries cases;

	EvaluationDemoData(EvaluationManagement evaluations, CaseQueries cases) {
		this.evaluations = evaluations;
		this.cases = cases;
	}

	@Override
	public String name() {
		return "evaluation.demo-department-ratings";
	}

	@Override
	public int order() {
		return 510;
	}

	@Override
	public void load() {
		var supervisor = new Actor(new AccountId(UUID.nameUUIDFromBytes("demo-evaluation-supervisor".getBytes(
				StandardCharsets.UTF_8))), "demo-supervisor", "督办员（演示）", Set.of(Role.SUPERVISOR),
				DataScope.region(RegionCode.of("652301000000")));
		var random = new Random(2026);
		cases.list(supervisor, CaseFilter.of(CaseStatus.CLOSED, CaseStatus.EVALUATED), 500)
			.stream()
			.filter(row -> !row.leadDepartment().isEmpty())
			.filter(row -> random.nextInt(5) > 0)
			.forEach(row -> evaluations.rateDepartment(supervisor, row.id(), 3 + random.nextInt(3) - (random.nextInt(8) == 0 ? 2 : 0),
					null));
	}

}
