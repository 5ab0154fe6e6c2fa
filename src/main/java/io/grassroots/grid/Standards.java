package io.grassroots.grid;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The standards of the four management types, as data administrators change. */
@Service
@Transactional
public class Standards {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	Standards(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ManagementStandard> all() {
		var intervals = new EnumMap<ManagementType, Map<HouseholdTag, Integer>>(ManagementType.class);
		jdbc.sql("select management_type, tag, interval_days from grid_visit_interval").query(rs -> {
			intervals.computeIfAbsent(ManagementType.valueOf(rs.getString(1)), t -> new EnumMap<>(HouseholdTag.class))
				.put(HouseholdTag.valueOf(rs.getString(2)), rs.getInt(3));
		});
		return jdbc.sql("select * from grid_standard order by management_type")
			.query((rs, n) -> {
				var type = ManagementType.valueOf(rs.getString("management_type"));
				return new ManagementStandard(type, rs.getInt("patrols_per_month"), rs.getInt("staff_required"),
						intervals.getOrDefault(type, Map.of()), rs.getLong("version"));
			})
			.list()
			.stream()
			.sorted(java.util.Comparator.comparing(ManagementStandard::type))
			.toList();
	}

	@Transactional(readOnly = true)
	public Map<ManagementType, ManagementStandard> byType() {
		var map = new EnumMap<ManagementType, ManagementStandard>(ManagementType.class);
		all().forEach(s -> map.put(s.type(), s));
		return map;
	}

	public ManagementStandard change(ManagementStandard changed) {
		var actor = currentUser.actor();
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("problem.forbidden");
		}
		check("patrolsPerMonth", changed.patrolsPerMonth(), 0, 100);
		check("staffRequired", changed.staffRequired(), 0, 50);
		changed.intervalDays().forEach((tag, days) -> check("interval." + tag.name(), days, 1, 366));
		var updated = jdbc.sql("""
				update grid_standard set patrols_per_month = :patrols, staff_required = :staff, version = version + 1
				where management_type = :type and version = :version""")
			.param("patrols", changed.patrolsPerMonth())
			.param("staff", changed.staffRequired())
			.param("type", changed.type().name())
			.param("version", changed.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("problem.staleVersion");
		}
		changed.intervalDays().forEach((tag, days) -> {
			var rows = jdbc.sql("update grid_visit_interval set interval_days = :days where management_type = :type and tag = :tag")
				.param("days", days).param("type", changed.type().name()).param("tag", tag.name()).update();
			if (rows == 0) {
				jdbc.sql("insert into grid_visit_interval (management_type, tag, interval_days) values (:type, :tag, :days)")
					.param("days", days).param("type", changed.type().name()).param("tag", tag.name()).update();
			}
		});
		audit.record(new AuditRecord("grid-standard/" + changed.type().name(), "standard.changed", actor.id().toString(),
				actor.displayName(), Map.of("patrols", changed.patrolsPerMonth(), "staff", changed.staffRequired(),
						"intervals", changed.intervalDays().toString())));
		return byType().get(changed.type());
	}

	private static void check(String where, int value, int min, int max) {
		if (value < min || value > max) {
			throw InvalidInputException.of(where, "grid.standard.outOfRange", min, max);
		}
	}

}
