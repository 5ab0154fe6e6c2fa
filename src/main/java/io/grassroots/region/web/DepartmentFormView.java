package io.grassroots.region.web;

import java.util.List;

import io.grassroots.region.DepartmentKind;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.RegionView;

/**
 * The form that registers a department or changes one.
 *
 * @param department the department being changed, or {@code null} for a new one
 * @param region the code of the region a new department will serve, or empty
 * @param places the counties and prefectures inside the viewer's scope, offered for a new department
 */
public record DepartmentFormView(DepartmentView department, String region, List<DepartmentKind> kinds,
		List<RegionView> places) {

	public boolean isNew() {
		return department == null;
	}

}
