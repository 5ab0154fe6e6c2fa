package io.grassroots.grid;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the grid module ({@code grassroots.grid.*}).
 *
 * @param indexCheckInterval how often a node asks the database whether the network changed (0: on every placement)
 * @param nearestMaxMetres how far away the nearest grid of a named community may be for the fallback placement
 * @param tileUrl a tile URL template for the map background (e.g. 天地图 with {@code tk=<key>}); blank: no tiles
 * @param tileAttribution the attribution the tile provider requires
 * @param photoMaxBytes the largest visit photo accepted
 * @param importMaxBytes the largest import file accepted
 */
@ConfigurationProperties("grassroots.grid")
public record GridProperties(@DefaultValue("1s") Duration indexCheckInterval,
		@DefaultValue("3000") double nearestMaxMetres, @DefaultValue("") String tileUrl,
		@DefaultValue("") String tileAttribution, @DefaultValue("5242880") int photoMaxBytes,
		@DefaultValue("20971520") int importMaxBytes) {
}
