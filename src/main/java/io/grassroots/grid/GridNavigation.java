package io.grassroots.grid;

import java.util.Set;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GridNavigation {

	private static final Set<String> REGISTERS = Set.of("ADMINISTRATOR", "COMMUNITY_STAFF", "GRID_WORKER");

	@Bean
	NavigationItem gridMapNavigation() {
		return new NavigationItem(Section.NETWORK, "nav.gridMap", "/grids/map", 10, Set.of());
	}

	@Bean
	NavigationItem gridListNavigation() {
		return new NavigationItem(Section.NETWORK, "nav.grids", "/grids", 20, Set.of());
	}

	@Bean
	NavigationItem visitsDueNavigation() {
		return new NavigationItem(Section.NETWORK, "nav.visitsDue", "/visits/due", 30, REGISTERS);
	}

	@Bean
	NavigationItem gridNetworkNavigation() {
		return new NavigationItem(Section.NETWORK, "nav.gridNetwork", "/grids/network", 40, Set.of());
	}

	@Bean
	NavigationItem gridCoverageNavigation() {
		return new NavigationItem(Section.NETWORK, "nav.gridCoverage", "/grids/coverage", 50, Set.of());
	}

	@Bean
	NavigationItem gridStandardsNavigation() {
		return new NavigationItem(Section.NETWORK, "nav.gridStandards", "/grids/standards", 60, Set.of());
	}

	@Bean
	NavigationItem gridImportNavigation() {
		return new NavigationItem(Section.NETWORK, "nav.gridImport", "/grids/import", 70,
				Set.of("ADMINISTRATOR", "COMMUNITY_STAFF"));
	}

}
