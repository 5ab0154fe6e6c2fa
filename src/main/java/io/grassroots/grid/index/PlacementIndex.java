package io.grassroots.grid.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.ItemVisitor;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable point-in-polygon index: a JTS {@link STRtree} of {@link PreparedGeometry} in longitude/latitude.
 * When several polygons cover a point, the winner is decided by rank: lower {@code priority} first, then the
 * smaller area, then the tie-break text (the grid code), so the answer never depends on load order. Points on a
 * boundary count as covered ({@code covers}, not {@code contains}), so a point on a shared border is placed too.
 *
 * @param <T> what each polygon stands for (a grid)
 */
public final class PlacementIndex<T> {

	private static final GeometryFactory POINTS = new GeometryFactory();

	private final STRtree tree;

	private final int size;

	private PlacementIndex(STRtree tree, int size) {
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

	private record Ranked<T>(T value, PreparedGeometry prepared, int rank) {
	}

	/** Builds the index; the entries are ranked once so that look-ups compare plain integers. */
	public static <T> PlacementIndex<T> build(Collection<Entry<T>> entries) {
		var ordered = new ArrayList<>(entries);
		ordered.sort(Comparator.<Entry<T>>comparingInt(Entry::priority)
			.thenComparingDouble(Entry::area)
			.thenComparing(Entry::tieBreak));
		var tree = new STRtree();
		for (int rank = 0; rank < ordered.size(); rank++) {
			var entry = ordered.get(rank);
			var prepared = PreparedGeometryFactory.prepare(entry.geometry());
			tree.insert(entry.geometry().getEnvelopeInternal(), new Ranked<>(entry.value(), prepared, rank));
		}
		tree.build();
		return new PlacementIndex<>(tree, ordered.size());
	}

	/** The winning polygon's value at this point, or {@code null} when no polygon covers it. */
	public T locate(double lng, double lat) {
		var search = new Search<T>(POINTS.createPoint(new Coordinate(lng, lat)));
		tree.query(new Envelope(lng, lng, lat, lat), search);
		return search.best == null ? null : search.best.value();
	}

	/** Every polygon covering the point, winner first. */
	public List<T> covering(double lng, double lat) {
		var point = POINTS.createPoint(new Coordinate(lng, lat));
		var found = new ArrayList<Ranked<T>>();
		tree.query(new Envelope(lng, lng, lat, lat), item -> {
			@SuppressWarnings("unchecked")
			var ranked = (Ranked<T>) item;
			if (ranked.prepared().covers(point)) {
				found.add(ranked);
			}
		});
		found.sort(Comparator.comparingInt(Ranked::rank));
		return found.stream().map(Ranked::value).toList();
	}

	/** The values whose polygons' bounding boxes meet the given box. */
	public List<T> candidates(Envelope box) {
		var found = new ArrayList<T>();
		tree.query(box, item -> {
			@SuppressWarnings("unchecked")
			var ranked = (Ranked<T>) item;
			found.add(ranked.value());
		});
		return found;
	}

	public int size() {
		return size;
	}

	private static final class Search<T> implements ItemVisitor {

		private final Geometry point;

		private Ranked<T> best;

		private Search(Geometry point) {
			this.point = point;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void visitItem(Object item) {
			var ranked = (Ranked<T>) item;
			if ((best == null || ranked.rank() < best.rank()) && ranked.prepared().covers(point)) {
				best = ranked;
			}
		}

	}

}
