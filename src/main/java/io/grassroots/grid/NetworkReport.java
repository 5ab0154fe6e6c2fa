package io.grassroots.grid;

import java.util.List;

import io.grassroots.shared.RegionCode;

/**
 * The state of one community's part of the network: what its outline leaves uncovered, where grids of the same
 * layer overlap, and which grids reach beyond the outline. Areas are in m² (see {@code Geodesy}).
 *
 * @param outlineKnown whether the community has an outline; without one there are no gaps to measure
 * @param coveredArea the area of the outline that some grid covers
 */
public record NetworkReport(RegionCode community, boolean outlineKnown, double outlineArea, double coveredArea,
		List<Gap> gaps, List<Overlap> overlaps, List<Spill> spills) {

	/** A part of the community that no grid covers; {@code geometry} is GeoJSON. */
	public record Gap(double area, String geometry) {
	}

	/** Two grids of the same kind covering the same place. */
	public record Overlap(String code, String name, String otherCode, String otherName, GridKind kind, double area,
			String geometry) {
	}

	/** A grid reaching outside its community's outline. */
	public record Spill(String code, String name, double area) {
	}

	/** The share of the outline that grids cover, 0–100. */
	public int coveragePercent() {
		return outlineArea <= 0 ? 0 : (int) Math.floor(Math.min(100, coveredArea * 100 / outlineArea));
	}

}
