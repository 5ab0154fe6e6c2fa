package io.grassroots.grid;

import io.grassroots.shared.RegionCode;

/**
 * A grid as other modules and the API see it (without its shape; see the GeoJSON export for that).
 *
 * @param code the community's 12-digit code followed by a 3-digit sequence
 * @param areaSquareMetres the grid's area on the ground
 * @param branchName its party branch, or {@code null} when it has none yet
 * @param branchSecretary the branch secretary, or {@code null}
 */
public record GridView(GridId id, String code, String name, GridKind kind, ManagementType managementType,
		RegionCode community, double areaSquareMetres, String branchName, String branchSecretary, long version) {
}
