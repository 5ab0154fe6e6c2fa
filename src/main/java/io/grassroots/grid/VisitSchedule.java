package io.grassroots.grid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.PersonalData;
import io.grassroots.shared.RegionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes when each household is due: the date of its last visit (or of its registration) plus the interval that
 * its grid's management type sets for its tags. Overdue when that date has passed.
 */
@Component
class VisitSchedule {

	private static final String ROWS = """
			select h.id, h.grid, g.name as grid_name, g.management_type, h.address, h.head_name, h.tags,
			       h.registered_at, (select max(v.visited_at) from grid_visit v where v.household = h.id) as last_visit
			from grid_household h join grid_grid g on g.id = h.grid""";

	private final JdbcClient jdbc;

	private final Standards standards;

	VisitSchedule(JdbcClient jdbc, Standards standards) {
		this.jdbc = jdbc;
		this.standards = standards;
	}

	List<DueVisit> inGrid(GridId grid, LocalDate today, boolean clearNames) {
		var byType = standards.byType();
		return jdbc.sql(ROWS + " where h.grid = :grid")
			.param("grid", grid.id())
			.query((rs, n) -> due(rs, byType, today, clearNames))
			.list()
			.stream()
			.sorted(Comparator.comparing(DueVisit::dueOn).thenComparing(DueVisit::address))
			.toList();
	}

	/** Every household of a subtree with its next due visit, soonest first. */
	List<DueVisit> inRegion(RegionCode within, LocalDate today, boolean clearNames) {
		var byType = standards.byType();
		return jdbc.sql(ROWS + " where h.community >= :from and h.community < :to")
			.param("from", within.subtreeFrom())
			.param("to", within.subtreeTo())
			.query((rs, n) -> due(rs, byType, today, clearNames))
			.list()
			.stream()
			.sorted(Comparator.comparing(DueVisit::dueOn).thenComparing(DueVisit::address))
			.toList();
	}

	Map<GridId, Integer> overdueByGrid(RegionCode within, LocalDate today) {
		var byType = standards.byType();
		var counts = new HashMap<GridId, Integer>();
		jdbc.sql(ROWS + " where h.community >= :from and h.community < :to")
			.param("from", within.subtreeFrom())
			.param("to", within.subtreeTo())
			.query(rs -> {
				var due = due(rs, byType, today, false);
				counts.merge(due.grid(), due.overdue() ? 1 : 0, Integer::sum);
			});
		return counts;
	}

	private static DueVisit due(ResultSet rs, Map<ManagementType, ManagementStandard> byType, LocalDate today,
			boolean clearNames) throws SQLException {
		var tags = HouseholdTag.load(rs.getString("tags"));
		var standard = byType.get(ManagementType.valueOf(rs.getString("management_type")));
		var interval = standard == null ? 182 : standard.intervalFor(tags);
		var last = rs.getTimestamp("last_visit");
		var lastVisit = last == null ? null : date(last);
		var from = lastVisit != null ? lastVisit : date(rs.getTimestamp("registered_at"));
		var dueOn = from.plusDays(interval);
		var head = rs.getString("head_name");
		return new DueVisit(new HouseholdId(rs.getObject("id", UUID.class)),
				new GridId(rs.getObject("grid", UUID.class)), rs.getString("grid_name"), rs.getString("address"),
				clearNames ? head : PersonalData.maskName(head), tags, lastVisit, interval, dueOn, dueOn.isBefore(today));
	}

	private static LocalDate date(java.sql.Timestamp timestamp) {
		return timestamp.toInstant().atZone(ZoneId.of(BeijingTime.ZONE.getId())).toLocalDate();
	}

}
