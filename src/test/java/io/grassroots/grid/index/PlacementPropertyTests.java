package io.grassroots.grid.index;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random star-shaped polygons (convex or not) placed in the cells of a tessellation, so that none overlap; a random
 * point inside any of them must come back in that polygon, and a point in no polygon must come back unplaced.
 */
class PlacementPropertyTests {

	static final GeometryFactory FACTORY = new GeometryFactory();

	record Network(List<Polygon> polygons, List<Coordinate> centres, PlacementIndex<Integer> index) {
	}

	@Provide
	Arbitrary<Network> networks() {
		var radii = Arbitraries.doubles().between(0.2, 1.0).list().ofMinSize(3).ofMaxSize(12);
		return radii.list().ofMinSize(1).ofMaxSize(30).map(PlacementPropertyTests::network);
	}

	static Network network(List<List<Double>> shapes) {
		var polygons = new ArrayList<Polygon>();
		var centres = new ArrayList<Coordinate>();
		var entries = new ArrayList<PlacementIndex.Entry<Integer>>();
		for (int i = 0; i < shapes.size(); i++) {
			var cx = 87.0 + (i % 6) * 0.01 + 0.005;
			var cy = 44.0 + (i / 6) * 0.01 + 0.005;
			centres.add(new Coordinate(cx, cy));
			var radii = shapes.get(i);
			var ring = new Coordinate[radii.size() + 1];
			for (int k = 0; k < radii.size(); k++) {
				var angle = 2 * Math.PI * k / radii.size();
				var r = 0.0049 * radii.get(k);
				ring[k] = new Coordinate(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
			}
			ring[radii.size()] = ring[0].copy();
			var polygon = FACTORY.createPolygon(ring);
			polygons.add(polygon);
			entries.add(new PlacementIndex.Entry<>(i, polygon, 1, polygon.getArea(), String.valueOf(i)));
		}
		return new Network(polygons, centres, PlacementIndex.build(entries));
	}

	@Property(tries = 300)
	void aRandomPointInsideARandomPolygonComesBackInThatPolygon(@ForAll("networks") Network network,
			@ForAll("fractions") double pick, @ForAll("fractions") double u, @ForAll("fractions") double v) {
		var which = (int) Math.min(network.polygons().size() - 1, Math.floor(pick * network.polygons().size()));
		var polygon = network.polygons().get(which);
		var point = pointInside(polygon, network.centres().get(which), u, v);
		assertThat(network.index().locate(point.x, point.y)).isEqualTo(which);
	}

	@Property(tries = 300)
	void aRandomPointOutsideEveryPolygonIsNotPlaced(@ForAll("networks") Network network,
			@ForAll("fractions") double u, @ForAll("fractions") double v) {
		var x = 86.99 + u * 0.08;
		var y = 43.99 + v * 0.08;
		var inside = network.polygons().stream().anyMatch(p -> p.covers(FACTORY.createPoint(new Coordinate(x, y))));
		assertThat(network.index().locate(x, y) != null).isEqualTo(inside);
	}

	@Provide
	Arbitrary<Double> fractions() {
		return Arbitraries.doubles().between(0.0, 1.0);
	}

	/**
	 * A point strictly inside: a point of one triangle of the fan from the star's centre to an edge, which lies inside
	 * a star-shaped polygon.
	 */
	static Coordinate pointInside(Polygon polygon, Coordinate centre, double u, double v) {
		var ring = polygon.getExteriorRing().getCoordinates();
		var sides = ring.length - 1;
		var k = (int) Math.min(sides - 1, Math.floor(u * sides));
		var a = ring[k];
		var b = ring[k + 1];
		var t = 0.05 + 0.9 * Math.min(1, (u * sides) - k);
		var s = 0.05 + 0.9 * v;
		var edge = new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
		return new Coordinate(centre.x + s * (edge.x - centre.x), centre.y + s * (edge.y - centre.y));
	}

}
