package io.grassroots.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds likely duplicates: open cases of the same category reported within the window, within the distance of the
 * point (or, without a point, in the same community). Reads one index range (category, reported_at).
 */
@Component
class DuplicateFinder {

	private static final double EARTH_RADIUS_METERS = 6_371_000;

	private final JdbcClient jdbc;

	private final CasesProperties properties;

	DuplicateFinder(JdbcClient jdbc, CasesProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/** The likely duplicates of a report, nearest first. */
	List<CaseId> find(CategoryKey category, Double longitude, Double latitude, RegionCode region, Instant now,
			CaseId except) {
		if (category == null) {
			return List.of();
		}
		// Of the 200 newest open cases of the category, only those that can be near come back: a box a little larger
		// than the distance around the point (the exact distance is checked below), or cases without a point.
		var box = longitude == null ? null : box(longitude, latitude);
		return jdbc.sql("""
				select id, longitude, latitude, region from (
				select id, longitude, latitude, region, reported_at from cases_case
				where category_standard = :standard and category_code = :code and reported_at >= :since
				and status in ('REPORTED', 'COMMUNITY_HANDLING', 'FILED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'REPORTED_BACK')
				order by reported_at desc limit 200) recent
				where :anywhere or longitude is null
				or (longitude between :west and :east and latitude between :south and :north)""")
			.param("standard", category.standard())
			.param("code", category.code())
			.param("since", Timestamp.from(now.minus(properties.duplicateWindow())))
			.param("anywhere", box == null)
			.param("west", box == null ? 0.0 : box[0])
			.param("east", box == null ? 0.0 : box[1])
			.param("south", box == null ? 0.0 : box[2])
			.param("north", box == null ? 0.0 : box[3])
			.query((rs, n) -> new Candidate(new CaseId(rs.getObject("id", UUID.class)),
					(Double) rs.getObject("longitude"), (Double) rs.getObject("latitude"), rs.getString("region")))
			.list()
			.stream()
			.filter(c -> !c.id().equals(except))
			.filter(c -> near(c, longitude, latitude, region))
			.sorted(Comparator.comparingDouble(c -> distance(c, longitude, latitude)))
			.map(Candidate::id)
			.toList();
	}

	Optional<CaseId> nearest(CategoryKey category, Double longitude, Double latitude, RegionCode region, Instant now) {
		return find(category, longitude, latitude, region, now, null).stream().findFirst();
	}

	private boolean near(Candidate c, Double longitude, Double latitude, RegionCode region) {
		if (longitude == null || c.longitude() == null) {
			return region.depth() == 5 && region.value().equals(c.region());
		}
		return distance(c, longitude, latitude) <= properties.duplicateDistanceMeters();
	}

	/** West, east, south, north of a box that holds every point within the duplicate distance (10 % to spare). */
	private double[] box(double longitude, double latitude) {
		var dLat = Math.toDegrees(properties.duplicateDistanceMeters() * 1.1 / EARTH_RADIUS_METERS);
		var cos = Math.cos(Math.toRadians(Math.min(89, Math.abs(latitude) + dLat)));
		var dLng = dLat / Math.max(cos, 1e-6);
		return new double[] { longitude - dLng, longitude + dLng, latitude - dLat, latitude + dLat };
	}

	private static double distance(Candidate c, Double longitude, Double latitude) {
		if (longitude == null || c.longitude() == null) {
			return Double.MAX_VALUE;
		}
		var dLat = Math.toRadians(c.latitude() - latitude);
		var dLng = Math.toRadians(c.longitude() - longitude);
		var a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
				* Math.cos(Math.toRadians(c.latitude())) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(a));
	}

	private record Candidate(CaseId id, Double longitude, Double latitude, String region) {
	}

}
