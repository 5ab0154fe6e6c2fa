package io.grassroots.grid;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grassroots.shared.MultiRowInsert;
import io.grassroots.shared.PersonalData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo branches, teams, buildings, households (marked {@code demo}) and about four months of visits for the demo
 * grids, written in batches (households and visits in multi-row INSERTs) so that the whole demo loads in a few
 * seconds. Some grids are left without a branch secretary, without police in the team, or behind on visits, so every
 * flag of the console has something to show.
 */
@Component
class DemoRegisters {

	private static final TeamRole[] HELPERS = { TeamRole.BUILDING_HEAD, TeamRole.IN_SERVICE_PARTY_MEMBER,
			TeamRole.COMMUNITY_CADRE, TeamRole.POLICE, TeamRole.OWNERS_COMMITTEE_MEMBER, TeamRole.CO_BUILDING_UNIT,
			TeamRole.VOLUNTEER };

	/**
	 * The column types of the household and visit rows: the two largest registers go in multi-row INSERTs (5,166
	 * households, 9,869 visits; a JDBC batch executed the statement once per row, bench/RESULTS.md § start).
	 */
	private static final List<String> HOUSEHOLD_TYPES = List.of("uuid", "uuid", "text", "uuid", "text", "text", "text",
			"text", "integer", "text", "text", "text", "text", "text", "timestamptz", "boolean", "bigint");

	private static final List<String> VISIT_TYPES = List.of("uuid", "uuid", "uuid", "text", "text", "timestamptz",
			"text", "text", "boolean", "bigint");

	private final JdbcTemplate jdbc;

	private final PersonalData personal;

	private final Standards standards;

	private final Clock clock;

	DemoRegisters(JdbcTemplate jdbc, PersonalData personal, Standards standards, Clock clock) {
		this.jdbc = jdbc;
		this.personal = personal;
		this.standards = standards;
		this.clock = clock;
	}

	void load(List<Grid> grids) {
		var people = new DemoPeople(20261126L);
		var branches = new ArrayList<Object[]>();
		var branchMembers = new ArrayList<Object[]>();
		var team = new ArrayList<Object[]>();
		var buildings = new ArrayList<Object[]>();
		var households = new ArrayList<Object[]>();
		var visits = new ArrayList<Object[]>();
		var now = clock.instant();
		var byType = standards.byType();
		for (int g = 0; g < grids.size(); g++) {
			var grid = grids.get(g).view();
			var id = grid.id().id();
			if (g % 11 != 10) {
				branches.add(new Object[] { grid.name().replace("网格", "") + "网格党支部",
						g % 7 == 5 ? null : people.name() + "（演示）", id });
				for (int m = 0; m < 3 + g % 4; m++) {
					branchMembers.add(new Object[] { id, m, people.name() + "（演示）", m % 2 == 0 });
				}
			}
			team.add(new Object[] { id, 0, people.name() + "（演示）", TeamRole.LEAD_GRID_WORKER.name(), null });
			var helpers = 2 + g % 5;
			for (int m = 0; m < helpers; m++) {
				var role = HELPERS[(g + m) % HELPERS.length];
				team.add(new Object[] { id, m + 1, people.name() + "（演示）", role.name(),
						role == TeamRole.POLICE ? "西街派出所" : role == TeamRole.CO_BUILDING_UNIT ? "昌吉市供电公司" : null });
			}
			if (grid.kind() != GridKind.RESIDENTIAL) {
				continue;
			}
			for (int b = 1; b <= 3; b++) {
				var building = UUID.randomUUID();
				var address = grid.name().replace("网格", "") + "小区" + b + "号楼（演示）";
				buildings.add(new Object[] { building, id, grid.community().value(), b + "号楼", address });
				for (int h = 0; h < 6; h++) {
					households(people, grid, byType.get(grid.managementType()), building, address, h, now, households, visits);
				}
			}
		}
		seal(households);
		jdbc.batchUpdate("update grid_grid set branch_name = ?, branch_secretary = ? where id = ?", branches);
		jdbc.batchUpdate("insert into grid_branch_member (grid, grid_key, name, in_service) values (?, ?, ?, ?)",
				branchMembers);
		jdbc.batchUpdate("insert into grid_team_member (grid, grid_key, name, role, unit) values (?, ?, ?, ?, ?)", team);
		jdbc.batchUpdate("insert into grid_building (id, grid, community, name, address, version) values (?, ?, ?, ?, ?, 0)",
				buildings);
		MultiRowInsert.insert(jdbc, """
				insert into grid_household (id, grid, community, building, address, unit, room, head_name, members,
				  phone_sealed, phone_index, id_number_sealed, id_number_index, tags, registered_at, demo, version)""",
				HOUSEHOLD_TYPES, households);
		MultiRowInsert.insert(jdbc, """
				insert into grid_visit (id, household, grid, community, visitor_name, visited_at, findings, visitor_id,
				  reported, version)""", VISIT_TYPES, visits);
	}

	/**
	 * Replaces the plain phone and ID numbers of the household rows (columns 9 and 11) by their encryption and blind
	 * index (columns 9–12). The values were drawn in order above; sealing them is independent per row and the
	 * costliest part of the registers, so it runs on every core.
	 */
	private void seal(List<Object[]> households) {
		households.parallelStream().forEach(row -> {
			var phone = (String) row[9];
			var idNumber = (String) row[11];
			row[9] = personal.encrypt(phone);
			row[10] = personal.blindIndex(phone);
			row[11] = personal.encrypt(idNumber);
			row[12] = personal.blindIndex(idNumber);
		});
	}

	/**
	 * One demo household and its visits: the last visit lies within its interval for about nine households in ten
	 * and beyond it for the rest (overdue); earlier visits follow the interval back over the last four months.
	 */
	private void households(DemoPeople people, GridView grid, ManagementStandard standard, UUID building,
			String address, int h, java.time.Instant now, List<Object[]> households, List<Object[]> visits) {
		var random = people.random();
		var household = UUID.randomUUID();
		var roll = random.nextInt(100);
		var tags = roll < 2 ? "KEY_PERSON" : roll < 10 ? "ELDERLY_ALONE" : roll < 16 ? "LOW_INCOME"
				: roll < 20 ? "DISABLED,LOW_INCOME" : "";
		var phone = people.phone();
		var idNumber = people.idNumber();
		var registered = now.minus(Duration.ofDays(200 + random.nextInt(400)));
		households.add(new Object[] { household, grid.id().id(), grid.community().value(), building, address,
				(1 + h / 3) + "单元", (1 + h % 3) + "01", people.name() + "（演示）", 1 + random.nextInt(5),
				phone, null, idNumber, null, tags, Timestamp.from(registered), true, 0L });
		var interval = standard.intervalFor(HouseholdTag.load(tags));
		var overdue = random.nextInt(10) == 0;
		var lag = overdue ? interval + 1 + random.nextInt(interval / 2 + 1) : random.nextInt(Math.max(1, interval - 1));
		for (var day = lag; day == lag || day < 120; day += interval) {
			var findings = random.nextInt(12) == 0 ? "（演示）楼道灯不亮，已告知物业" : null;
			visits.add(new Object[] { UUID.randomUUID(), household, grid.id().id(), grid.community().value(),
					"网格员（演示）", Timestamp.from(now.minus(Duration.ofDays(day)).minus(Duration.ofHours(3))), findings,
					"demo", false, 0L });
		}
	}

}
