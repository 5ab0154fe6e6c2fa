package io.grassroots.grid;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * MockMvc with Spring Security's test support, so that {@code @WithUserDetails} signs the request in (Boot 4's
 * {@code @AutoConfigureMockMvc} applies it only with spring-boot-security-test on the class path).
 */
final class SecuredMvc {

	private SecuredMvc() {
	}

	/** Signs the test's account in again for direct service calls (a MockMvc request clears the thread's context). */
	static void restoreContext() {
		org.springframework.security.core.context.SecurityContextHolder
			.setContext(org.springframework.security.test.context.TestSecurityContextHolder.getContext());
	}

	static MockMvc of(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

}
