package io.grassroots.identity;

import java.util.Objects;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/**
 * Where an account may look and act: a region subtree, a department, or a grid. Every scope also names a region
 * (the department's county, the grid's community), which is what region filters use.
 *
 * @param kind region, department or grid
 * @param region the subtree root for a region scope; the department's or grid's region otherwise
 * @param department the department, for a department scope
 * @param grid the grid, for a grid scope
 */
public record DataScope(Kind kind, RegionCode region, UUID department, UUID grid) {

	public DataScope {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(region, "region");
		if (kind == Kind.DEPARTMENT && department == null) {
			throw new IllegalArgumentException("A department scope names its department");
		}
		if (kind == Kind.GRID && grid == null) {
			throw new IllegalArgumentException("A grid scope names its grid");
		}
	}

	public static DataScope region(RegionCode region) {
		return new DataScope(Kind.REGION, region, null, null);
	}

	public static DataScope department(UUID department, RegionCode region) {
		return new DataScope(Kind.DEPARTMENT, region, department, null);
	}

	public static DataScope grid(UUID grid, RegionCode community) {
		return new DataScope(Kind.GRID, community, null, grid);
	}

	/** The whole country: administrators of the platform. */
	public static DataScope everything() {
		return region(RegionCode.ROOT);
	}

	/**
	 * What names the scope's target, as {@link ScopeDirectory#resolve} accepts it: the region code, the department
	 * id or the grid id.
	 */
	public String reference() {
		return switch (kind) {
			case REGION -> region.value();
			case DEPARTMENT -> department.toString();
			case GRID -> grid.toString();
		};
	}

	/** Whether this scope may see the given place of the region tree. */
	public boolean coversRegion(RegionCode code) {
		return region.covers(code);
	}

	/**
	 * Whether an account with this scope may see an account (or anything else) scoped as {@code other}: a region
	 * scope sees everything whose region lies in its subtree; a department only its own department; a grid only its
	 * own grid.
	 */
	public boolean covers(DataScope other) {
		return switch (kind) {
			case REGION -> region.covers(other.region);
			case DEPARTMENT -> other.kind == Kind.DEPARTMENT && department.equals(other.department);
			case GRID -> other.kind == Kind.GRID && grid.equals(other.grid);
		};
	}

	public enum Kind {

		REGION, DEPARTMENT, GRID

	}

}
