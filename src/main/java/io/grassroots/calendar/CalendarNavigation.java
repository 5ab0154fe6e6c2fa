package io.grassroots.calendar;

import java.util.Set;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarNavigation {

	@Bean
	NavigationItem calendarAdministrationNavigation() {
		return new NavigationItem(Section.ADMINISTRATION, "nav.calendar", "/admin/calendar", 40, Set.of("ADMINISTRATOR"));
	}

}
