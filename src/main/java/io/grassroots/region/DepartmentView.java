package io.grassroots.region;

import io.grassroots.shared.RegionCode;

/** A department as other modules and the API see it. */
public record DepartmentView(DepartmentId id, RegionCode region, DepartmentKind kind, String name, String head,
		String phone, boolean active, long version) {
}
