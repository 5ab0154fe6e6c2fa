package io.grassroots.audit;

import java.util.Set;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

	@Bean
	NavigationItem auditTrailNavigation() {
		return new NavigationItem(Section.ADMINISTRATION, "nav.audit", "/admin/audit", 90, Set.of("ADMINISTRATOR"));
	}

}
