package io.grassroots.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxViewResolver;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Puts htmx's view resolver before JTE's: both understand {@code redirect:}, and only htmx's turns
 * {@code redirect:htmx:/path} into an {@code HX-Redirect} (JTE's would send a 302 to {@code htmx:/path}).
 */
@Configuration(proxyBeanMethods = false)
class HtmxViews {

	@Bean
	HtmxViewResolver consoleHtmxViewResolver() {
		var resolver = new HtmxViewResolver();
		resolver.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return resolver;
	}

}
