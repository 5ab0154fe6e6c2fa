package io.grassroots.grid;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.grassroots.grid.index.Geodesy;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one network of grids as other modules use it: place a point in its grid, community, street and county, and
 * look grids up. Placement runs on an in-memory index that every node keeps in step with the database (see
 * {@link NetworkIndex}); it does not check data scopes, because placing a reported point is not reading a
 * register.
 * <p>
 * The rule where grids overlap: the most specific kind wins (institution, then residential compound, then police
 * patrol range), then the smaller grid, then the lower code. Points on a border belong to the grids that share it,
 * decided by the same rule.
 * <p>
 * The look-ups open their read-only transaction through a {@link TransactionTemplate}, not {@code @Transactional}:
 * an annotated method made the bean a CGLIB proxy, and every placement of every intake (not annotated) then went
 * through the proxy's interceptor look-up and a reflective call (bench/RESULTS.md, lifecycle, 2026-12-05).
 */
@Service
public class GridNetwork {

	private final NetworkIndex index;

	private final GridRepository grids;

	private final GridProperties properties;

	/** The read-only transaction of the look-ups (what {@code @Transactional(readOnly = true)} gave them). */
	private final TransactionTemplate reads;

	GridNetwork(NetworkIndex index, GridRepository grids, GridProperties properties,
			PlatformTransactionManager transactions) {
		this.index = index;
		this.grids = grids;
		this.properties = properties;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
	}

	/**
	 * Places a point.
	 * @param lng longitude in the given system
	 * @param lat latitude in the given system
	 * @param system the datum of the point; GCJ-02 is converted to WGS-84 first
	 * @param namedCommunity the community the reporter named, used only when no grid covers the point: the nearest
	 * grid of that community within {@code grassroots.grid.nearest-max-metres} is taken, and the placement says so
	 * @throws InvalidInputException when the coordinates are not numbers, out of range, swapped, or outside China
	 */
	public Placement place(double lng, double lat, CoordinateSystem system, Optional<RegionCode> namedCommunity) {
		ChinaBounds.check("point", lng, lat);
		var wgs = system.toWgs84(lng, lat);
		var snapshot = index.current();
		var inside = snapshot.index().locate(wgs[0], wgs[1]);
		if (inside != null) {
			return placed(Placement.Method.INSIDE, inside, wgs, 0, snapshot.version());
		}
		if (namedCommunity.isPresent()) {
			var nearest = snapshot.inCommunity(namedCommunity.get())
				.stream()
				.map(g -> new Distance(g, Geodesy.distanceMetres(g.shape(), wgs[0], wgs[1])))
				.min(Comparator.comparingDouble(Distance::metres).thenComparing(d -> d.grid().code()));
			if (nearest.isPresent() && nearest.get().metres() <= properties.nearestMaxMetres()) {
				return placed(Placement.Method.NEAREST_IN_NAMED_COMMUNITY, nearest.get().grid(), wgs,
						nearest.get().metres(), snapshot.version());
			}
		}
		return Placement.unplaced(wgs[0], wgs[1], snapshot.version());
	}

	/** A grid by its id, whatever the caller's scope (other modules check their own scopes). */
	public Optional<GridView> find(GridId id) {
		return reads.execute(status -> grids.findById(id).map(Grid::view));
	}

	/** A grid by its 15-digit code. */
	public Optional<GridView> findByCode(String code) {
		return reads.execute(status -> grids.findByCode(code).map(Grid::view));
	}

	/** The grids of one community, by code. */
	public List<GridView> grids(RegionCode community) {
		return reads.execute(status -> grids.findByCommunityOrderByCode(community).stream().map(Grid::view).toList());
	}

	/**
	 * A point that lies inside the grid (WGS-84 longitude and latitude), where a map centres on it and demo reports
	 * are made; empty for an unknown grid.
	 */
	public Optional<double[]> interiorPoint(GridId id) {
		return Optional.ofNullable(index.current().byId().get(id))
			.map(g -> g.shape().getInteriorPoint().getCoordinate())
			.map(c -> new double[] { c.x, c.y });
	}

	/** The network version this node currently answers from. */
	public long version() {
		return index.current().version();
	}

	private static Placement placed(Placement.Method method, IndexedGrid grid, double[] wgs, double metres,
			long version) {
		return new Placement(method, grid.id(), grid.code(), grid.name(), grid.kind(), grid.community(), grid.street(),
				grid.county(), wgs[0], wgs[1], metres, version);
	}

	private record Distance(IndexedGrid grid, double metres) {
	}

}
