package io.grassroots.bench.city;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The city as the product's seed and demo network left it in the database: communities (with their grids where the
 * demo network has them), the departments of every county by kind, and the leaf categories of both standards.
 */
final class City {

	record Grid(UUID id, double minLng, double minLat, double maxLng, double maxLat) {
	}

	record Community(String code, String name, String street, String county, List<Grid> grids, double weight) {
	}

	record Category(String standard, String code, String name, String kind) {
	}

	record Department(UUID id, String region, String kind, String name) {
	}

	final List<Community> communities = new ArrayList<>();

	final Map<String, Department> departments = new HashMap<>();

	final List<Department> allDepartments = new ArrayList<>();

	final List<Category> categories = new ArrayList<>();

	final List<String> streets = new ArrayList<>();

	final Map<String, String> streetNames = new HashMap<>();

	double[] cumulativeWeight;

	static City read(Connection c) throws SQLException {
		var city = new City();
		var grids = new HashMap<String, List<Grid>>();
		try (var s = c.createStatement()) {
			try (var rs = s.executeQuery("select id, community, min_lng, min_lat, max_lng, max_lat from grid_grid"
					+ " where kind = 'RESIDENTIAL' order by code")) {
				while (rs.next()) {
					grids.computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
						.add(new Grid(rs.getObject(1, UUID.class), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
								rs.getDouble(6)));
				}
			}
			try (var rs = s.executeQuery("select code, name from region_region where level = 'COMMUNITY' order by code")) {
				while (rs.next()) {
					var code = rs.getString(1);
					var street = code.substring(0, 9) + "000";
					var county = code.substring(0, 6) + "000000";
					var g = grids.getOrDefault(code, List.of());
					// The city's communities (昌吉市, with the demo grids) are denser than the villages.
					var weight = code.startsWith("652301") ? 3.0 : 1.0;
					city.communities.add(new Community(code, rs.getString(2), street, county, g, weight));
				}
			}
			try (var rs = s.executeQuery("select code, name from region_region where level = 'STREET' order by code")) {
				while (rs.next()) {
					city.streets.add(rs.getString(1));
					city.streetNames.put(rs.getString(1), rs.getString(2));
				}
			}
			try (var rs = s.executeQuery("select id, region, kind, name from region_department where active order by name")) {
				while (rs.next()) {
					var d = new Department(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4));
					city.departments.putIfAbsent(d.region() + "/" + d.kind(), d);
					city.allDepartments.add(d);
				}
			}
			try (var rs = s.executeQuery("select standard, code, name, department_kind from cases_category c where active"
					+ " and not exists (select 1 from cases_category k where k.standard = c.standard and k.parent = c.code)"
					+ " order by standard, code")) {
				while (rs.next()) {
					city.categories.add(new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
				}
			}
		}
		city.cumulativeWeight = new double[city.communities.size()];
		var sum = 0.0;
		for (var i = 0; i < city.communities.size(); i++) {
			sum += city.communities.get(i).weight();
			city.cumulativeWeight[i] = sum;
		}
		for (var i = 0; i < city.cumulativeWeight.length; i++) {
			city.cumulativeWeight[i] /= sum;
		}
		return city;
	}

	Community community(double u) {
		var i = java.util.Arrays.binarySearch(cumulativeWeight, u);
		return communities.get(Math.min(communities.size() - 1, i < 0 ? -i - 1 : i));
	}

	/** The county's department of a kind, or its urban-management bureau when the county has none of that kind. */
	Department department(String county, String kind) {
		var d = kind == null ? null : departments.get(county + "/" + kind);
		return d != null ? d : departments.get(county + "/URBAN_MANAGEMENT");
	}

}
