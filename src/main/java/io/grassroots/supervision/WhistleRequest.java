package io.grassroots.supervision;

import java.util.List;

import io.grassroots.region.DepartmentId;

/**
 * A whistle order (吹哨) as the street calls it.
 *
 * @param region where (a street or community within the caller's scope); empty means the caller's own region
 * @param minutes how long the departments have to report in; empty uses the configured limit
 */
public record WhistleRequest(String title, String description, String region, String address,
		List<DepartmentId> departments, Integer minutes) {
}
