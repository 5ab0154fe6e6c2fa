package io.grassroots.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every clock in the product is in Beijing time; regions keep their own office hours on top of it.
 */
@Configuration(proxyBeanMethods = false)
public class BeijingTime {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(ZONE);
	}

}
