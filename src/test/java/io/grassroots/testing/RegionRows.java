package io.grassroots.testing;

import java.util.UUID;

import io.grassroots.region.DepartmentId;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of the region tree and its departments written straight into the tables, for tests that need a small tree. */
public record RegionRows(JdbcClient jdbc) {

	public void region(String code, String name, String level, String parent) {
		jdbc.sql("insert into region_region (code, name, level, parent, version) values (?, ?, ?, ?, 0)")
			.params(code, name, level, parent)
			.update();
	}

	public DepartmentId department(String region, String kind, String name) {
		return department(region, kind, name, true);
	}

	public DepartmentId department(String region, String kind, String name, boolean active) {
		var id = UUID.randomUUID();
		jdbc.sql("insert into region_department (id, region, kind, name, active, version) values (?, ?, ?, ?, ?, 0)")
			.params(id, region, kind, name, active)
			.update();
		return new DepartmentId(id);
	}

}
