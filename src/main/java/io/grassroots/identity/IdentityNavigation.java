package io.grassroots.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Administrators manage accounts; every other role may read the accounts its scope covers. One's own account is
 * reached through the name in the header.
 */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

	@Bean
	NavigationItem accountAdministrationNavigation() {
		return new NavigationItem(Section.ADMINISTRATION, "nav.accounts", "/admin/accounts", 20,
				Set.of(Role.ADMINISTRATOR.name()));
	}

	@Bean
	NavigationItem accountsInScopeNavigation() {
		var others = Arrays.stream(Role.values())
			.filter(role -> role != Role.ADMINISTRATOR)
			.map(Role::name)
			.collect(Collectors.toSet());
		return new NavigationItem(Section.REGISTERS, "nav.accountsInScope", "/accounts", 50, others);
	}

}
