package io.grassroots.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.grassroots.identity.DataScope;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the region tree. Methods that take a {@link DataScope} answer only inside it and refuse (403) beyond it;
 * the others are for modules that have already checked scope.
 */
@Service
@Transactional(readOnly = true)
public class Regions {

	private static final String VIEW = """
			select r.code, r.name, r.level, r.parent,
			       (select count(*) from region_region c where c.parent = r.code) as children
			from region_region r""";

	private final JdbcClient jdbc;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<RegionView> find(RegionCode code) {
		return jdbc.sql(VIEW + " where r.code = :code").param("code", code.value()).query(Regions::view).optional();
	}

	/**
	 * The short names of a region and of the other children of its parent (a community and the other communities of
	 * its street), in one statement: a list shows the rows of a place together, so whoever keeps names in memory
	 * learns a street's communities at once instead of one round trip each. One statement, so no transaction of its
	 * own (within a caller's transaction it joins it). Empty for an unknown region.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<RegionCode, String> shortNamesWithSiblings(RegionCode code) {
		var names = new HashMap<RegionCode, String>();
		jdbc.sql("""
				select r.code, r.name from region_region r
				where r.code = :code or r.parent = (select p.parent from region_region p where p.code = :code)""")
			.param("code", code.value())
			.query((rs, n) -> names.put(RegionCode.of(rs.getString(1)), RegionView.shortName(rs.getString(2))))
			.list();
		return names;
	}

	public boolean exists(RegionCode code) {
		return jdbc.sql("select count(*) from region_region where code = :code")
			.param("code", code.value())
			.query(Long.class)
			.single() > 0;
	}

	/** A region inside the scope, or 403 when it lies outside, or 404 when it does not exist. */
	public RegionView get(RegionCode code, DataScope scope) {
		if (!scope.coversRegion(code)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return find(code).orElseThrow(() -> new NotFoundException("region.notFound", code));
	}

	/** The direct children of a region; {@link RegionCode#ROOT} gives the top of the tree. */
	public List<RegionView> children(RegionCode code) {
		var where = code.isRoot() ? " where r.parent is null" : " where r.parent = :code";
		var spec = jdbc.sql(VIEW + where + " order by r.code");
		if (!code.isRoot()) {
			spec = spec.param("code", code.value());
		}
		return spec.query(Regions::view).list();
	}

	/** The children of a region inside the scope; 403 beyond it. */
	public List<RegionView> children(RegionCode code, DataScope scope) {
		get(code, scope);
		return children(code);
	}

	/** The top of the tree as the scope sees it: its own root region (or the real roots for the whole country). */
	public List<RegionView> roots(DataScope scope) {
		if (scope.region().isRoot()) {
			return children(RegionCode.ROOT);
		}
		return find(scope.region()).map(List::of).orElse(List.of());
	}

	/** From the top of the tree down to the region itself. */
	public List<RegionView> path(RegionCode code) {
		var path = new ArrayList<RegionView>();
		var current = find(code);
		while (current.isPresent()) {
			path.add(current.get());
			current = current.get().parent() == null ? Optional.empty() : find(current.get().parent());
		}
		Collections.reverse(path);
		return path;
	}

	/** The path cut to what the scope may see. */
	public List<RegionView> path(RegionCode code, DataScope scope) {
		return path(code).stream().filter(r -> scope.coversRegion(r.code())).toList();
	}

	/** Regions inside the scope whose name contains the text. */
	public List<RegionView> search(String text, DataScope scope, int limit) {
		var root = scope.region();
		return jdbc.sql(VIEW + " where r.code >= :from and r.code < :to and r.name like :pattern order by r.code limit :limit")
			.param("from", root.subtreeFrom())
			.param("to", root.subtreeTo())
			.param("pattern", "%" + text.replace("%", "").replace("_", "") + "%")
			.param("limit", limit)
			.query(Regions::view)
			.list();
	}

	/** Every region of a level inside a subtree, e.g. the communities of a street. */
	public List<RegionView> within(RegionCode root, RegionLevel level) {
		return jdbc.sql(VIEW + " where r.code >= :from and r.code < :to and r.level = :level order by r.code")
			.param("from", root.subtreeFrom())
			.param("to", root.subtreeTo())
			.param("level", level.name())
			.query(Regions::view)
			.list();
	}

	public long count() {
		return jdbc.sql("select count(*) from region_region").query(Long.class).single();
	}

	/** The ancestor of the given level (the county of a community, say), if there is one. */
	public Optional<RegionView> ancestor(RegionCode code, RegionLevel level) {
		return path(code).stream().filter(r -> r.level() == level).findFirst();
	}

	private static RegionView view(ResultSet rs, int n) throws SQLException {
		var parent = rs.getString("parent");
		return new RegionView(RegionCode.of(rs.getString("code")), rs.getString("name"),
				RegionLevel.valueOf(rs.getString("level")), parent == null ? null : RegionCode.of(parent),
				rs.getInt("children"));
	}

}
