package io.grassroots.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Delivers the outbox on a schedule, on every node (claims keep them apart). */
@Component
@ConditionalOnProperty(name = "grassroots.notification.dispatch-enabled", havingValue = "true", matchIfMissing = true)
class NotificationScheduling {

	private final OutboxDispatcher dispatcher;

	private final Clock clock;

	NotificationScheduling(OutboxDispatcher dispatcher, Clock clock) {
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${grassroots.notification.dispatch-interval:10s}", initialDelayString = "${grassroots.notification.dispatch-interval:10s}")
	void dispatch() {
		dispatcher.dispatch(clock.instant());
	}

}
