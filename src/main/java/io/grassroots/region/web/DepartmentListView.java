package io.grassroots.region.web;

import java.util.List;
import java.util.Map;

import io.grassroots.region.DepartmentView;
import io.grassroots.shared.RegionCode;

/**
 * The departments a viewer's scope may see.
 *
 * @param regionNames the names of the regions they serve
 * @param query the search text, or empty
 * @param manage whether the viewer may add and change departments
 */
public record DepartmentListView(List<DepartmentView> departments, Map<RegionCode, String> regionNames, String query,
		boolean manage) {

	public String regionName(RegionCode code) {
		return regionNames.getOrDefault(code, code.value());
	}

}
