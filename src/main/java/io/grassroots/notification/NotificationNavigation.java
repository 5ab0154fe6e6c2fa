package io.grassroots.notification;

import java.util.Set;

import io.grassroots.shared.NavigationItem;
import io.grassroots.shared.NavigationItem.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationNavigation {

	@Bean
	NavigationItem noticesNavigation() {
		return new NavigationItem(Section.WORK, "nav.notifications", "/notifications", 90, Set.of());
	}

}
