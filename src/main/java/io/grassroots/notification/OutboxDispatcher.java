package io.grassroots.notification;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.grassroots.shared.Databases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox. A round claims due rows (PostgreSQL: {@code select … for update skip locked}, so concurrent
 * dispatchers never take the same row; elsewhere: a conditional update on the row's version, which only one of them
 * wins), POSTs each, and marks it sent, or counts the failure and sets the next try after a doubling backoff. A claim
 * moves {@code next_attempt_at} forward by the lease: a dispatcher that dies holding rows leaves them to be claimed
 * again once the lease is over; a row marked sent is never claimed again.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final WebhookClient webhook;

	private final NotificationProperties properties;

	private final boolean skipLocked;

	OutboxDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, WebhookClient webhook,
			NotificationProperties properties, DataSource dataSource) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.webhook = webhook;
		this.properties = properties;
		this.skipLocked = Databases.isPostgres(dataSource);
	}

	/** One round to the configured webhook; answers how many deliveries it handled (sent, skipped or failed). */
	int dispatch(Instant now) {
		return properties.webhook() ? dispatch(now, URI.create(properties.webhookUrl())) : 0;
	}

	int dispatch(Instant now, URI endpoint) {
		var token = UUID.randomUUID();
		var claimed = claim(now, token);
		claimed.forEach(delivery -> deliver(delivery, token, endpoint, now));
		return claimed.size();
	}

	/** Claims due rows for this round (and for the lease); answers them. */
	List<Delivery> claim(Instant now, UUID token) {
		var leaseEnd = Timestamp.from(now.plus(properties.lease()));
		transactions.executeWithoutResult(status -> {
			if (skipLocked) {
				var ids = jdbc.sql("""
						select id from notification_outbox where state = 'PENDING' and next_attempt_at <= :now
						order by next_attempt_at limit :limit for update skip locked""")
					.param("now", Timestamp.from(now)).param("limit", properties.batchSize())
					.query(UUID.class).list();
				if (!ids.isEmpty()) {
					jdbc.sql("""
							update notification_outbox set claim = :token, next_attempt_at = :lease, version = version + 1
							where id in (:ids)""")
						.param("token", token).param("lease", leaseEnd).param("ids", ids).update();
				}
				return;
			}
			jdbc.sql("""
					select id, version from notification_outbox where state = 'PENDING' and next_attempt_at <= :now
					order by next_attempt_at limit :limit""")
				.param("now", Timestamp.from(now)).param("limit", properties.batchSize())
				.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getLong(2) })
				.list()
				.forEach(row -> jdbc.sql("""
						update notification_outbox set claim = :token, next_attempt_at = :lease, version = version + 1
						where id = :id and version = :version and state = 'PENDING' and next_attempt_at <= :now""")
					.param("token", token).param("lease", leaseEnd).param("id", row[0]).param("version", row[1])
					.param("now", Timestamp.from(now)).update());
		});
		return jdbc.sql("select id, kind, case_id, attempts from notification_outbox where claim = :token and state = 'PENDING'")
			.param("token", token)
			.query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), NoticeKind.valueOf(rs.getString(2)),
					rs.getObject(3, UUID.class), rs.getInt(4)))
			.list();
	}

	private boolean deliver(Delivery delivery, UUID token, URI endpoint, Instant now) {
		String failure;
		try {
			var outcome = webhook.post(endpoint, delivery);
			if (outcome == WebhookClient.Outcome.SENT || outcome == WebhookClient.Outcome.NOBODY_TO_TELL) {
				mark(delivery, token, outcome == WebhookClient.Outcome.SENT ? "SENT" : "SKIPPED", now);
				return outcome == WebhookClient.Outcome.SENT;
			}
			failure = "HTTP status " + webhook.lastStatus();
		}
		catch (RuntimeException e) {
			failure = e.getClass().getSimpleName();
		}
		var failures = delivery.attempts() + 1;
		var giveUp = failures >= properties.maxAttempts();
		log.warn("Notification {} not delivered (try {}): {}", delivery.id(), failures, failure);
		jdbc.sql("""
				update notification_outbox set attempts = :failures, next_attempt_at = :next, last_error = :error,
				state = :state, version = version + 1 where id = :id and claim = :token""")
			.param("failures", failures)
			.param("next", Timestamp.from(now.plus(properties.backoffAfter(failures))))
			.param("error", failure.length() > 300 ? failure.substring(0, 300) : failure)
			.param("state", giveUp ? "FAILED" : "PENDING")
			.param("id", delivery.id())
			.param("token", token)
			.update();
		return false;
	}

	private void mark(Delivery delivery, UUID token, String state, Instant now) {
		jdbc.sql("""
				update notification_outbox set state = :state, sent_at = :now, attempts = attempts + 1,
				version = version + 1 where id = :id and claim = :token""")
			.param("state", state).param("now", Timestamp.from(now)).param("id", delivery.id()).param("token", token)
			.update();
	}

	/** A claimed row. */
	record Delivery(UUID id, NoticeKind kind, UUID caseId, int attempts) {
	}

}
