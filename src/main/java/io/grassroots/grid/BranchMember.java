package io.grassroots.grid;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A member of a grid's party branch.
 *
 * @param inService an in-service party member (在职党员) rather than a resident one
 */
@Table("grid_branch_member")
public record BranchMember(String name, boolean inService) {
}
