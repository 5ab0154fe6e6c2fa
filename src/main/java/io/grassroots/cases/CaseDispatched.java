package io.grassroots.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** The street sent the order to a lead department (and assisting ones). returnsBefore counts the returns before it: a dispatch after a return is a re-dispatch. */
public record CaseDispatched(CaseId caseId, RegionCode region, UUID grid, DepartmentId lead, List<DepartmentId> assisting, int returnsBefore, StepDeadline deadline, Instant at) implements CaseEvent {

	public CaseDispatched {
		assisting = List.copyOf(assisting);
	}

}
