package io.grassroots.region;

import java.util.Set;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RegionNavigation {

	@Bean
	NavigationItem regionTreeNavigation() {
		return new NavigationItem(Section.REGISTERS, "nav.regions", "/regions", 10, Set.of());
	}

	@Bean
	NavigationItem departmentsNavigation() {
		return new NavigationItem(Section.REGISTERS, "nav.departments", "/departments", 20, Set.of());
	}

	@Bean
	NavigationItem partyOrganisationsNavigation() {
		return new NavigationItem(Section.REGISTERS, "nav.partyOrganisations", "/party-organisations", 30, Set.of());
	}

	@Bean
	NavigationItem regionImportNavigation() {
		return new NavigationItem(Section.ADMINISTRATION, "nav.regionImport", "/admin/regions/import", 10,
				Set.of("ADMINISTRATOR"));
	}

}
