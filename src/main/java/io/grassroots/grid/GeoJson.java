package io.grassroots.grid;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.grassroots.shared.ImportReport.Problem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reading GeoJSON FeatureCollections (RFC 7946) feature by feature, and writing polygons back as GeoJSON. */
final class GeoJson {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private GeoJson() {
	}

	/** One feature of a collection: its 1-based position, properties and geometry. */
	record Feature(int number, JsonNode properties, JsonNode geometry) {

		String text(String property) {
			if (property == null || property.isBlank()) {
				return null;
			}
			var value = properties.get(property);
			if (value == null || value.isNull()) {
				return null;
			}
			var text = value.isNumber() ? value.numberValue().toString() : value.asString("");
			return text.isBlank() ? null : text.strip();
		}

	}

	/** The features, or the problems of the file as a whole. */
	record Collection(List<Feature> features, List<Problem> problems) {
	}

	static Collection read(String source, byte[] content, int maxBytes) {
		if (content.length > maxBytes) {
			return refused(Problem.of(source, 0, "", "grid.import.tooLarge", maxBytes / 1024 / 1024));
		}
		JsonNode root;
		try {
			root = JSON.readTree(new String(content, StandardCharsets.UTF_8).replace("\uFEFF", ""));
		}
		catch (JacksonException e) {
			var at = e.getLocation();
			return refused(Problem.of(source, at == null ? 0 : at.getLineNr(), "", "grid.import.notJson",
					at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()));
		}
		if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))) {
			return refused(Problem.of(source, 0, "type", "grid.import.notFeatureCollection"));
		}
		var features = root.path("features");
		if (!features.isArray() || features.isEmpty()) {
			return refused(Problem.of(source, 0, "features", "grid.import.noFeatures"));
		}
		var read = new ArrayList<Feature>();
		for (int i = 0; i < features.size(); i++) {
			var feature = features.get(i);
			var properties = feature.path("properties");
			read.add(new Feature(i + 1, properties.isObject() ? properties : NODES.objectNode(), feature.get("geometry")));
		}
		return new Collection(read, List.of());
	}

	private static Collection refused(Problem problem) {
		return new Collection(List.of(), List.of(problem));
	}

	static ObjectNode feature(Geometry shape, ObjectNode properties) {
		var feature = NODES.objectNode();
		feature.put("type", "Feature");
		feature.set("properties", properties);
		feature.set("geometry", geometry(shape));
		return feature;
	}

	static ObjectNode collection(List<ObjectNode> features) {
		var collection = NODES.objectNode();
		collection.put("type", "FeatureCollection");
		var array = collection.putArray("features");
		features.forEach(array::add);
		return collection;
	}

	static ObjectNode properties() {
		return NODES.objectNode();
	}

	static ObjectNode geometry(Geometry shape) {
		var node = NODES.objectNode();
		if (shape instanceof Polygon polygon) {
			node.put("type", "Polygon");
			node.set("coordinates", rings(polygon));
			return node;
		}
		node.put("type", "MultiPolygon");
		var parts = node.putArray("coordinates");
		for (int i = 0; i < shape.getNumGeometries(); i++) {
			if (shape.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
				parts.add(rings(polygon));
			}
		}
		return node;
	}

	private static ArrayNode rings(Polygon polygon) {
		var rings = NODES.arrayNode();
		rings.add(positions(polygon.getExteriorRing().getCoordinates()));
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
		}
		return rings;
	}

	private static ArrayNode positions(Coordinate[] coordinates) {
		var positions = NODES.arrayNode();
		for (var c : coordinates) {
			positions.addArray().add(c.x).add(c.y);
		}
		return positions;
	}

}
