package io.grassroots.grid;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A member of a grid's "1+X" team.
 *
 * @param unit where the member comes from (a co-building unit, a police station, a workplace), or {@code null}
 */
@Table("grid_team_member")
public record TeamMember(String name, TeamRole role, String unit) {
}
