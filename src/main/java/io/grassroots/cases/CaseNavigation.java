package io.grassroots.cases;

import java.util.Set;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseNavigation {

	@Bean
	NavigationItem workbenchNavigation() {
		return new NavigationItem(Section.WORK, "nav.workbench", "/cases/workbench", 10, Set.of("DISPATCHER"));
	}

	@Bean
	NavigationItem inboxNavigation() {
		return new NavigationItem(Section.WORK, "nav.inbox", "/cases/inbox", 20, Set.of("DEPARTMENT_HANDLER"));
	}

	@Bean
	NavigationItem communityCasesNavigation() {
		return new NavigationItem(Section.WORK, "nav.communityCases", "/cases/community", 30, Set.of("COMMUNITY_STAFF"));
	}

	@Bean
	NavigationItem gridTasksNavigation() {
		return new NavigationItem(Section.WORK, "nav.gridTasks", "/m/tasks", 40, Set.of("GRID_WORKER"));
	}

	@Bean
	NavigationItem newCaseNavigation() {
		return new NavigationItem(Section.WORK, "nav.newCase", "/cases/new", 50,
				Set.of("DISPATCHER", "COMMUNITY_STAFF", "ORGANISATION_CADRE", "SUPERVISOR"));
	}

	@Bean
	NavigationItem caseSearchNavigation() {
		return new NavigationItem(Section.WORK, "nav.caseSearch", "/cases", 60, Set.of());
	}

	@Bean
	NavigationItem categoriesNavigation() {
		return new NavigationItem(Section.ADMINISTRATION, "nav.categories", "/admin/categories", 50, Set.of("ADMINISTRATOR"));
	}

	@Bean
	NavigationItem timeLimitsNavigation() {
		return new NavigationItem(Section.ADMINISTRATION, "nav.timeLimits", "/admin/time-limits", 60, Set.of("ADMINISTRATOR"));
	}

}
