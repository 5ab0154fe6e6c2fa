package io.grassroots;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** Starts the application from tests of other packages, without a web server. */
public final class GrassrootsApplicationAccess {

	private GrassrootsApplicationAccess() {
	}

	public static void start(String... args) {
		var application = new SpringApplication(GrassrootsApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

}
