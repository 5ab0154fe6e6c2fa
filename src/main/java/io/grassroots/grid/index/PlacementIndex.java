package io.grassroots.grid.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.hprtree.HPRtree;

/**
 * An immutable point-in-polygon index in longitude/latitude: a JTS {@link HPRtree} (a packed Hilbert R-tree whose
 * bounds live in flat arrays) over {@link Candidate}s: large polygons are located by their
 * {@code PreparedGeometry}'s indexed locator, small ones by JTS's ray-crossing counter over packed coordinates.
 * With 100,000 grids a look-up is bound by memory access rather than arithmetic, and this layout touches far fewer
 * cache lines than an {@code STRtree} of {@code PreparedGeometry}; bench/placement measures both (bench/RESULTS.md).
 * When several polygons cover a point, the winner is decided by rank: lower {@code priority} first, then the
 * smaller area, then the tie-break text (the grid code), so the answer never depends on load order. Points on a
 * boundary count as covered ({@code covers}, not {@code contains}), so a point on a shared border is placed too.
 *
 * @param <T> what each polygon stands for (a grid)
 */
public final class PlacementIndex<T> {

	private final HPRtree tree;

	private final int size;

	private PlacementIndex(HPRtree tree, int size) {
		this.tree = tree;
		this.size = size;
	}

	/**
	 * One polygon to index.
	 * @param value what it stands for
	 * @param geometry a valid polygon or multipolygon in longitude/latitude
	 * @param priority lower wins where polygons overlap
	 * @param area its area (any unit, the same for every entry)
	 * @param tieBreak decides between equal priority and area
	 */
	public record Entry<T>(T value, Geometry geometry, int priority, double area, String tieBreak) {
	}

	/** Builds the index; the entries are ranked once so that look-ups compare plain integers. */
	public static <T> PlacementIndex<T> build(Collection<Entry<T>> entries) {
		var ordered = new ArrayList<>(entries);
		ordered.sort(Comparator.<Entry<T>>comparingInt(Entry::priority)
			.thenComparingDouble(Entry::area)
			.thenComparing(Entry::tieBreak));
		var tree = new HPRtree();
		for (int rank = 0; rank < ordered.size(); rank++) {
			var entry = ordered.get(rank);
			tree.insert(entry.geometry().getEnvelopeInternal(), new Candidate<>(entry.value(), entry.geometry(), rank));
		}
		tree.build();
		return new PlacementIndex<>(tree, ordered.size());
	}

	/** The winning polygon's value at this point, or {@code null} when no polygon covers it. */
	public T locate(double lng, double lat) {
		var search = new Search<T>(new Coordinate(lng, lat));
		tree.query(new Envelope(lng, lng, lat, lat), search);
		return search.best == null ? null : search.best.value;
	}

	/** Every polygon covering the point, winner first. */
	public List<T> covering(double lng, double lat) {
		var point = new Coordinate(lng, lat);
		var found = new ArrayList<Candidate<T>>();
		tree.query(new Envelope(lng, lng, lat, lat), item -> {
			@SuppressWarnings("unchecked")
			var candidate = (Candidate<T>) item;
			if (candidate.covers(point)) {
				found.add(candidate);
			}
		});
		found.sort(Comparator.comparingInt(c -> c.rank));
		return found.stream().map(c -> c.value).toList();
	}

	/** The values whose polygons' bounding boxes meet the given box. */
	public List<T> candidates(Envelope box) {
		var found = new ArrayList<T>();
		tree.query(box, item -> {
			@SuppressWarnings("unchecked")
			var candidate = (Candidate<T>) item;
			found.add(candidate.value);
		});
		return found;
	}

	public int size() {
		return size;
	}

	private static final class Search<T> implements ItemVisitor {

		private final Coordinate point;

		private Candidate<T> best;

		private Search(Coordinate point) {
			this.point = point;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void visitItem(Object item) {
			var candidate = (Candidate<T>) item;
			if ((best == null || candidate.rank < best.rank) && candidate.covers(point)) {
				best = candidate;
			}
		}

	}

}
