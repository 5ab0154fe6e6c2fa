package io.grassroots.notification;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseQueries;
import io.grassroots.identity.Actor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The webhook adapter: one POST of JSON per delivery to an SMS or messaging gateway, with the reporters to tell
 * (decrypted here, at the last moment, never stored in the outbox), the message in Chinese, and the delivery's id as
 * {@code Idempotency-Key}, so that a gateway can drop the rare repeat after a crash between sending and marking.
 */
@Component
class WebhookClient {

	enum Outcome {

		SENT, FAILED, NOBODY_TO_TELL

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CaseQueries cases;

	private final MessageSource messages;

	private final NotificationProperties properties;

	private final HttpClient http;

	private final ThreadLocal<Integer> lastStatus = ThreadLocal.withInitial(() -> 0);

	WebhookClient(CaseQueries cases, MessageSource messages, NotificationProperties properties) {
		this.cases = cases;
		this.messages = messages;
		this.properties = properties;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
	}

	Outcome post(URI endpoint, OutboxDispatcher.Delivery delivery) {
		var caseId = new CaseId(delivery.caseId());
		var reporters = cases.reporters(Actor.system(), caseId).stream().filter(r -> r.phone() != null).toList();
		if (reporters.isEmpty()) {
			return Outcome.NOBODY_TO_TELL;
		}
		var trackingCode = cases.summary(Actor.system(), caseId).trackingCode();
		var body = new LinkedHashMap<String, Object>();
		body.put("id", delivery.id().toString());
		body.put("kind", delivery.kind().name());
		body.put("caseId", caseId.toString());
		body.put("trackingCode", trackingCode);
		body.put("text", messages.getMessage("notification.sms." + delivery.kind().name(),
				new Object[] { trackingCode, properties.publicBaseUrl() + "/public/track/" + trackingCode }, Locale.CHINA));
		body.put("recipients", reporters.stream()
			.map(r -> Map.of("phone", r.phone(), "name", r.name() == null ? "" : r.name(), "trackingCode", r.trackingCode()))
			.toList());
		var request = HttpRequest.newBuilder(endpoint)
			.timeout(properties.timeout())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", delivery.id().toString())
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.discarding());
			lastStatus.set(response.statusCode());
			return response.statusCode() / 100 == 2 ? Outcome.SENT : Outcome.FAILED;
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while delivering", e);
		}
	}

	int lastStatus() {
		return lastStatus.get();
	}

}
