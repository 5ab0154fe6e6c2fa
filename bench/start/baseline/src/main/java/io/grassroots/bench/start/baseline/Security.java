package io.grassroots.bench.start.baseline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Health open, everything else behind a form login (the product has more chains; this is the platform's cost). */
@Configuration
class Security {

	@Bean
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

}
