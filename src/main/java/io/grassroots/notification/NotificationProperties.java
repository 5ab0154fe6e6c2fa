package io.grassroots.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notifications.
 *
 * @param webhookUrl where deliveries are POSTed as JSON (an SMS or messaging gateway); empty writes no deliveries
 * @param publicBaseUrl how residents reach the tracking page, for the links in messages
 * @param dispatchEnabled whether this node delivers on a schedule
 * @param dispatchInterval how often it looks for due deliveries
 * @param batchSize how many deliveries one round claims
 * @param lease how long a claim holds before another node may take the delivery over
 * @param backoff the wait after the first failure; it doubles with each further one
 * @param maxBackoff the longest wait between tries
 * @param maxAttempts after this many failures a delivery is given up (FAILED)
 * @param timeout how long one POST may take
 */
@ConfigurationProperties("grassroots.notification")
public record NotificationProperties(@DefaultValue("") String webhookUrl,
		@DefaultValue("http://localhost:8080") String publicBaseUrl, @DefaultValue("true") boolean dispatchEnabled,
		@DefaultValue("10s") Duration dispatchInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("2m") Duration lease, @DefaultValue("30s") Duration backoff, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("10") int maxAttempts, @DefaultValue("10s") Duration timeout) {

	public boolean webhook() {
		return webhookUrl != null && !webhookUrl.isBlank();
	}

	/** The wait before the next try after {@code failures} failures. */
	public Duration backoffAfter(int failures) {
		var wait = backoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
		return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
	}

}
