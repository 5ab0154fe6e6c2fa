package io.grassroots.identity;

import org.springframework.data.relational.core.mapping.Table;

/** One role an account holds (a row of {@code identity_account_role}). */
@Table("identity_account_role")
record AccountRole(Role role) {
}
