package io.grassroots.supervision;

import java.time.Instant;
import java.util.List;

import io.grassroots.region.DepartmentId;
import io.grassroots.shared.RegionCode;

/** 吹哨: the street called several departments to a place; each must report in by {@code reportBy}. */
public record WhistleCalled(WhistleId id, String title, RegionCode region, List<DepartmentId> departments,
		Instant reportBy, Instant at) {

	public WhistleCalled {
		departments = List.copyOf(departments);
	}

}
