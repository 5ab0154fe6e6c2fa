package io.grassroots.supervision;

import java.util.Set;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SupervisionNavigation {

	@Bean
	NavigationItem supervisionBoardNavigation() {
		return new NavigationItem(Section.SUPERVISION, "nav.supervisionBoard", "/supervision", 10,
				Set.of("SUPERVISOR", "DISPATCHER"));
	}

	@Bean
	NavigationItem departmentSupervisionNavigation() {
		return new NavigationItem(Section.SUPERVISION, "nav.departmentSupervision", "/supervision/department", 20,
				Set.of("DEPARTMENT_HANDLER"));
	}

}
