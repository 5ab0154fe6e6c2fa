package io.grassroots.grid;

/**
 * A grid drawn on the map (or sent to the API).
 *
 * @param community the community's 12-digit code
 * @param geometry a GeoJSON Polygon or MultiPolygon geometry
 * @param system the datum of the geometry's coordinates ({@code null}: WGS-84)
 */
public record GridForm(String community, String name, GridKind kind, ManagementType managementType, String geometry,
		CoordinateSystem system) {
}
