package io.grassroots.evaluation;

import java.util.Set;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EvaluationNavigation {

	@Bean
	NavigationItem callbacksNavigation() {
		return new NavigationItem(Section.SUPERVISION, "nav.evaluation", "/evaluation", 30,
				Set.of("SUPERVISOR", "DISPATCHER"));
	}

	@Bean
	NavigationItem indicatorsNavigation() {
		return new NavigationItem(Section.SUPERVISION, "nav.indicators", "/evaluation/indicators", 40,
				Set.of("SUPERVISOR", "DISPATCHER", "DEPARTMENT_HANDLER", "COMMUNITY_STAFF"));
	}

}
