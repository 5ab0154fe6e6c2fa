package io.grassroots.identity.web;

import java.util.List;

import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;

/** The form for a new account: the roles and scope kinds to choose from. */
public record AccountFormView(List<Role> roles, List<DataScope.Kind> scopeKinds) {

	static AccountFormView choices() {
		return new AccountFormView(List.of(Role.values()), List.of(DataScope.Kind.values()));
	}

}
