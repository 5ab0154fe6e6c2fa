package io.grassroots.grid.web;

/**
 * The map page.
 *
 * @param layerUrl where the map fetches the grids as GeoJSON
 * @param colour what the grids are coloured by: kind, type or overdue
 * @param mayDraw whether the reader may draw new grids
 */
public record GridMapView(String within, String layerUrl, String tileUrl, String attribution, String colour,
		boolean mayDraw) {
}
