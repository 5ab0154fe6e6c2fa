package io.grassroots.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.grassroots.identity.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app notices of an account: those addressed to its department, its grid, or — for region scopes — to the
 * roles it holds within its region subtree; and how many arrived since it last looked.
 */
@Service
@Transactional(readOnly = true)
public class NotificationManagement {

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationManagement(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A notice as the list shows it. */
	public record Notice(UUID id, NoticeKind kind, UUID caseId, UUID subjectId, Instant createdAt, boolean unseen) {
	}

	public List<Notice> notices(Actor actor, int limit) {
		var params = audience(actor);
		var seen = seenAt(actor);
		params.put("limit", Math.max(1, Math.min(limit, 200)));
		return jdbc.sql("select * from notification_notice where " + params.remove("where") + " order by created_at desc limit :limit")
			.params(params)
			.query((rs, n) -> new Notice(rs.getObject("id", UUID.class), NoticeKind.valueOf(rs.getString("kind")),
					rs.getObject("case_id", UUID.class), rs.getObject("subject_id", UUID.class),
					rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("created_at").toInstant().isAfter(seen)))
			.list();
	}

	public long unseen(Actor actor) {
		var params = audience(actor);
		params.put("seen", Timestamp.from(seenAt(actor)));
		return jdbc.sql("select count(*) from notification_notice where " + params.remove("where") + " and created_at > :seen")
			.params(params)
			.query(Long.class)
			.single();
	}

	@Transactional
	public void markSeen(Actor actor) {
		var now = Timestamp.from(clock.instant());
		if (jdbc.sql("update notification_seen set seen_at = :now where account = :account").param("now", now)
			.param("account", actor.id().id()).update() == 0) {
			jdbc.sql("insert into notification_seen (account, seen_at) values (:account, :now) on conflict do nothing")
				.param("account", actor.id().id()).param("now", now).update();
		}
	}

	private Instant seenAt(Actor actor) {
		return jdbc.sql("select seen_at from notification_seen where account = :account")
			.param("account", actor.id().id())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(Instant.EPOCH);
	}

	/** The condition (under the key «where») and parameters that select the notices addressed to an actor. */
	private static Map<String, Object> audience(Actor actor) {
		var params = new HashMap<String, Object>();
		var scope = actor.scope();
		switch (scope.kind()) {
			case DEPARTMENT -> {
				params.put("addressee", String.valueOf(scope.department()));
				params.put("where", "audience = 'DEPARTMENT' and addressee = :addressee");
			}
			case GRID -> {
				params.put("addressee", String.valueOf(scope.grid()));
				params.put("where", "audience = 'GRID' and addressee = :addressee");
			}
			case REGION -> {
				params.put("from", scope.region().subtreeFrom());
				params.put("to", scope.region().subtreeTo());
				var roles = actor.roles().stream().map(r -> "roles like '%" + r.name() + "%'").toList();
				params.put("where", "audience = 'REGION' and addressee >= :from and addressee < :to and ("
						+ (roles.isEmpty() ? "1 = 0" : String.join(" or ", roles)) + ")");
			}
		}
		return params;
	}

}
