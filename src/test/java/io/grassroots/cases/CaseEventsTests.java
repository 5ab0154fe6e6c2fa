package io.grassroots.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Case events survive the trip through JSON that the event publication registry makes them take before a listener
 * of another module (supervision, evaluation) gets them.
 */
class CaseEventsTests {

	final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	static final CaseId ID = new CaseId(UUID.randomUUID());

	static final RegionCode REGION = RegionCode.of("652301001001");

	static final DepartmentId LEAD = new DepartmentId(UUID.randomUUID());

	static final Instant AT = Instant.parse("2025-07-07T04:00:00Z");

	static final StepDeadline DEADLINE = new StepDeadline(Step.CLAIM, AT.plusSeconds(2880), AT.plusSeconds(3600));

	@Test
	void everyKindOfEventReadsBackAsItWasWritten() {
		var events = List.<CaseEvent>of(
				new CaseReported(ID, REGION, null, "ABCDEFGH23", Channel.PHONE, Tier.STREET,
						new CategoryKey("CJT214", "E0501"), Urgency.NORMAL, LEAD, null, false, DEADLINE, AT),
				new CaseDispatched(ID, REGION, UUID.randomUUID(), LEAD, List.of(new DepartmentId(UUID.randomUUID())), 1,
						DEADLINE, AT),
				new CaseClaimed(ID, REGION, null, LEAD, AT, true, DEADLINE, AT),
				new CaseExtensionDecided(ID, REGION, null, LEAD, TimeLimit.workingDays(3), true, DEADLINE, AT),
				new CaseClosed(ID, REGION, null, ResolvedAt.DEPARTMENT, LEAD, DEADLINE, AT),
				new CaseEvaluated(ID, REGION, null, LEAD, Rating.SATISFIED, true, EvaluationSource.RESIDENT, AT),
				new CaseVoided(ID, REGION, null, CaseStatus.FILED, AT));
		for (var event : events) {
			var text = json.writeValueAsString(event);
			assertThat(json.readValue(text, event.getClass())).isEqualTo(event);
		}
		assertThat(json.writeValueAsString(events.get(0))).contains("\"caseId\":\"" + ID + "\"");
	}

}
