package io.grassroots;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The build's training run of the class-data archive (decision 0023): {@code ./mvnw package} starts the built jar as a
 * user would ({@code java -jar}, the launcher of decision 0018, a fresh folder, the demo data) with
 * {@code --grassroots.launcher.training=true}; once the application is ready — after the seeds and the demo load, so
 * their classes are archived too — this asks for the two things a first visit asks for (the health probe and the
 * login page) and stops the JVM normally, so that the server JVM writes its archive (decision 0019) and the launcher
 * keeps it beside the jar. The jar's very first run then maps it.
 */
@Component
@ConditionalOnBooleanProperty("grassroots.launcher.training")
class ClassDataTraining {

	@EventListener
	void stopWhenReady(ApplicationReadyEvent ready) {
		if (ready.getApplicationContext() instanceof WebServerApplicationContext web) {
			var port = web.getWebServer().getPort();
			visit(port, "/actuator/health");
			visit(port, "/login");
		}
		System.exit(SpringApplication.exit(ready.getApplicationContext()));
	}

	private static void visit(int port, String path) {
		try {
			var connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
			try (InputStream body = connection.getResponseCode() < 400 ? connection.getInputStream()
					: connection.getErrorStream()) {
				if (body != null) {
					body.readAllBytes();
				}
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException e) {
			// the archive is written without that page's classes
		}
	}

}
