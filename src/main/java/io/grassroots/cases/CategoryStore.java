package io.grassroots.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.grassroots.region.DepartmentKind;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes category standards and their categories. */
@Repository
class CategoryStore {

	private final JdbcClient jdbc;

	CategoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<CategoryStandard> standards() {
		return jdbc.sql("select code, title, loaded_at from cases_category_standard order by code")
			.query((rs, n) -> new CategoryStandard(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	List<Category> all() {
		return jdbc.sql("select * from cases_category order by standard, code").query(CategoryStore::category).list();
	}

	void saveStandard(String code, String title, Instant at) {
		var updated = jdbc.sql("update cases_category_standard set title = :title, loaded_at = :at where code = :code")
			.param("code", code).param("title", title).param("at", Timestamp.from(at)).update();
		if (updated == 0) {
			jdbc.sql("insert into cases_category_standard (code, title, loaded_at) values (:code, :title, :at)")
				.param("code", code).param("title", title).param("at", Timestamp.from(at)).update();
		}
	}

	void insert(Category category) {
		jdbc.sql("""
				insert into cases_category (standard, code, parent, depth, name, department_kind, active)
				values (:standard, :code, :parent, :depth, :name, :kind, :active)""")
			.params(params(category))
			.update();
	}

	void update(Category category) {
		jdbc.sql("""
				update cases_category set parent = :parent, depth = :depth, name = :name, department_kind = :kind,
				active = :active where standard = :standard and code = :code""")
			.params(params(category))
			.update();
	}

	private static java.util.Map<String, Object> params(Category c) {
		var map = new java.util.HashMap<String, Object>();
		map.put("standard", c.key().standard());
		map.put("code", c.key().code());
		map.put("parent", c.parent());
		map.put("depth", c.depth());
		map.put("name", c.name());
		map.put("kind", c.departmentKind() == null ? null : c.departmentKind().name());
		map.put("active", c.active());
		return map;
	}

	private static Category category(ResultSet rs, int n) throws SQLException {
		var kind = rs.getString("department_kind");
		return new Category(new CategoryKey(rs.getString("standard"), rs.getString("code")), rs.getString("parent"),
				rs.getInt("depth"), rs.getString("name"), kind == null ? null : DepartmentKind.valueOf(kind),
				rs.getBoolean("active"));
	}

}
