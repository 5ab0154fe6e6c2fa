package io.grassroots.grid;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;

/**
 * Reads a GeoJSON (RFC 7946) Polygon or MultiPolygon and checks it the way a grid must be: positions of two
 * numbers in longitude/latitude order, closed rings of at least four positions, every position inside China (a
 * pair that only fits the other way round is reported as swapped), and a valid shape (no self-intersection, holes
 * inside their shell). GCJ-02 input is converted to WGS-84 after the checks.
 */
final class ShapeCheck {

	private ShapeCheck() {
	}

	/** One thing wrong with a shape: a message key and its arguments. */
	record Issue(String messageKey, List<Object> arguments) {

		static Issue of(String key, Object... arguments) {
			return new Issue(key, List.of(arguments));
		}

	}

	/** The shape, or the issues that refuse it. */
	record Result(Geometry shape, List<Issue> issues) {

		boolean ok() {
			return issues.isEmpty();
		}

	}

	static Result read(JsonNode geometry, CoordinateSystem system) {
		var issues = new ArrayList<Issue>();
		if (geometry == null || !geometry.isObject()) {
			return new Result(null, List.of(Issue.of("grid.geometry.missing")));
		}
		var type = geometry.path("type").asString("");
		var coordinates = geometry.path("coordinates");
		var polygons = new ArrayList<Polygon>();
		switch (type) {
			case "Polygon" -> polygon(coordinates, 0, system, issues).ifPresent(polygons::add);
			case "MultiPolygon" -> {
				if (!coordinates.isArray() || coordinates.isEmpty()) {
					issues.add(Issue.of("grid.geometry.noCoordinates"));
				}
				for (int i = 0; i < coordinates.size(); i++) {
					polygon(coordinates.get(i), i + 1, system, issues).ifPresent(polygons::add);
				}
			}
			default -> issues.add(Issue.of("grid.geometry.notPolygon", type));
		}
		if (!issues.isEmpty()) {
			return new Result(null, issues);
		}
		Geometry shape = polygons.size() == 1 ? polygons.get(0)
				: Shapes.FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
		var validity = new IsValidOp(shape).getValidationError();
		if (validity != null) {
			return new Result(null, List.of(invalid(validity)));
		}
		if (shape.getArea() <= 0) {
			return new Result(null, List.of(Issue.of("grid.geometry.empty")));
		}
		return new Result(shape, List.of());
	}

	private static Issue invalid(TopologyValidationError error) {
		var at = error.getCoordinate();
		var lng = at == null ? 0 : at.x;
		var lat = at == null ? 0 : at.y;
		return switch (error.getErrorType()) {
			case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
				Issue.of("grid.geometry.selfIntersection", lng, lat);
			case TopologyValidationError.HOLE_OUTSIDE_SHELL, TopologyValidationError.NESTED_HOLES ->
				Issue.of("grid.geometry.holeOutside", lng, lat);
			case TopologyValidationError.NESTED_SHELLS -> Issue.of("grid.geometry.overlappingParts", lng, lat);
			default -> Issue.of("grid.geometry.invalid", error.getMessage(), lng, lat);
		};
	}

	private static java.util.Optional<Polygon> polygon(JsonNode rings, int part, CoordinateSystem system,
			List<Issue> issues) {
		if (!rings.isArray() || rings.isEmpty()) {
			issues.add(Issue.of("grid.geometry.noCoordinates"));
			return java.util.Optional.empty();
		}
		var read = new ArrayList<LinearRing>();
		var before = issues.size();
		for (int r = 0; r < rings.size(); r++) {
			var coordinates = ring(rings.get(r), ringName(part, r), system, issues);
			if (coordinates != null) {
				read.add(Shapes.FACTORY.createLinearRing(coordinates));
			}
		}
		if (issues.size() > before) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(Shapes.FACTORY.createPolygon(read.get(0),
				read.subList(1, read.size()).toArray(LinearRing[]::new)));
	}

	private static String ringName(int part, int ring) {
		return (part == 0 ? "" : part + ".") + (ring == 0 ? "shell" : "hole " + ring);
	}

	private static Coordinate[] ring(JsonNode positions, String name, CoordinateSystem system, List<Issue> issues) {
		if (!positions.isArray() || positions.size() < 4) {
			issues.add(Issue.of("grid.geometry.tooFewPoints", name));
			return null;
		}
		var coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			var p = positions.get(i);
			if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
				issues.add(Issue.of("grid.geometry.badPosition", name, i + 1));
				return null;
			}
			double lng = p.get(0).asDouble();
			double lat = p.get(1).asDouble();
			var problem = ChinaBounds.problem(lng, lat);
			if (problem != null) {
				issues.add(Issue.of(problem + "At", name, i + 1, lng, lat));
				return null;
			}
			var wgs = system.toWgs84(lng, lat);
			coordinates[i] = new Coordinate(wgs[0], wgs[1]);
		}
		var first = positions.get(0);
		var last = positions.get(positions.size() - 1);
		if (first.get(0).asDouble() != last.get(0).asDouble() || first.get(1).asDouble() != last.get(1).asDouble()) {
			issues.add(Issue.of("grid.geometry.unclosedRing", name));
			return null;
		}
		coordinates[coordinates.length - 1] = coordinates[0].copy();
		return coordinates;
	}

}
