package io.grassroots.grid;

import java.util.Optional;

import io.grassroots.shared.RegionCode;

/**
 * Where a point lies in the network, and how that was decided. An {@link Method#UNPLACED} placement has no grid
 * and no regions: a point is never put in a grid it does not lie in, except by the explicit fallback to the nearest
 * grid of the community the caller named, which says so and gives the distance.
 *
 * @param method how the grid was found
 * @param grid the grid, or {@code null} when unplaced
 * @param gridCode its 15-digit code, or {@code null}
 * @param gridName its name, or {@code null}
 * @param kind its kind, or {@code null}
 * @param community the grid's community (12-digit code), or {@code null}
 * @param street the community's street or township, or {@code null}
 * @param county the county, or {@code null}
 * @param lng the point in WGS-84 (after conversion from GCJ-02 if the caller gave that)
 * @param lat the point in WGS-84
 * @param distanceMetres 0 inside a grid; the distance to the grid for the nearest-grid fallback
 * @param networkVersion the version of the network the answer was computed from
 */
public record Placement(Method method, GridId grid, String gridCode, String gridName, GridKind kind,
		RegionCode community, RegionCode street, RegionCode county, double lng, double lat, double distanceMetres,
		long networkVersion) {

	public enum Method {

		/** The point lies inside (or on the border of) the grid. */
		INSIDE,
		/** No grid covers the point; it was given to the nearest grid of the community the caller named. */
		NEAREST_IN_NAMED_COMMUNITY,
		/** No grid covers the point and there was no named community to fall back to (or none near enough). */
		UNPLACED

	}

	public boolean placed() {
		return method != Method.UNPLACED;
	}

	public Optional<GridId> gridId() {
		return Optional.ofNullable(grid);
	}

	/**
	 * Whether the caller named a community other than the one the point lies in: the point wins, and the caller
	 * should tell the person who named the community.
	 */
	public boolean contradicts(Optional<RegionCode> namedCommunity) {
		return method == Method.INSIDE && namedCommunity.isPresent() && !namedCommunity.get().equals(community);
	}

	static Placement unplaced(double lng, double lat, long networkVersion) {
		return new Placement(Method.UNPLACED, null, null, null, null, null, null, null, lng, lat, 0, networkVersion);
	}

}
