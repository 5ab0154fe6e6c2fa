package io.grassroots.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.Step;
import io.grassroots.identity.Actor;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.MultiRowInsert;
import io.grassroots.shared.RegionCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes what supervision issues, exactly once: every insert names a unique key (the deadline it is about, or an
 * explicit once-key) and does nothing when the row exists, so of two racing writers only one gets a row, and only
 * that one records the history entry and publishes the event. Runs inside the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class SupervisionLedger {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final SupervisionRules rules;

	private static final String REMINDER_INTO = """
			insert into supervision_reminder (id, case_id, step, deadline, light, audience, department, region, grid,
			automatic, note, sent_at, sent_by, sent_by_name)""";

	/** The PostgreSQL types of {@link #REMINDER_INTO}'s columns, for {@link MultiRowInsert}. */
	private static final List<String> REMINDER_TYPES = List.of("uuid", "uuid", "text", "timestamptz", "text", "text",
			"uuid", "text", "uuid", "bool", "text", "timestamptz", "text", "text");

	private static final String REMINDER = REMINDER_INTO + """
			 values (:id, :caseId, :step, :deadline, :light, :audience, :department, :region, :grid, :automatic,
			:note, :at, :by, :byName) on conflict do nothing""";

	SupervisionLedger(JdbcClient jdbc, NamedParameterJdbcTemplate named, AuditTrail audit,
			ApplicationEventPublisher events, SupervisionRules rules) {
		this.jdbc = jdbc;
		this.named = named;
		this.audit = audit;
		this.events = events;
		this.rules = rules;
	}

	boolean remind(Issue.Reminder r) {
		var inserted = insert(REMINDER, reminder(r), r.about(), r.department(), r.grid(), r.note(), r.by(), r.at());
		if (inserted) {
			history(reminderHistory(r), r.at());
			events.publishEvent(new RemindersSent(List.of(sent(r))));
		}
		return inserted;
	}

	/**
	 * The reminders of a page of the sweep, as a batch: the inserts in multi-row statements (each {@code on conflict
	 * do nothing}, in the order of their ids, so that racing sweeps meet on the same row first instead of
	 * deadlocking) whose generated keys say which rows this transaction wrote; only those get their history entries,
	 * in one batch, and one {@link RemindersSent}.
	 *
	 * @return the reminders this call inserted, in the order given
	 */
	List<Issue.Reminder> remind(List<Issue.Reminder> reminders) {
		var byId = new TreeMap<UUID, Issue.Reminder>();
		reminders.forEach(r -> byId.putIfAbsent(r.id().id(), r));
		if (byId.isEmpty()) {
			return List.of();
		}
		var rows = byId.values().stream().map(SupervisionLedger::reminderRow).toList();
		var inserted = new HashSet<>(MultiRowInsert.insertReturning(named.getJdbcTemplate(), REMINDER_INTO, REMINDER_TYPES,
				"on conflict do nothing", rows, "id", UUID.class));
		var issued = reminders.stream().filter(r -> inserted.remove(r.id().id())).toList();
		if (!issued.isEmpty()) {
			audit.recordAll(issued.stream()
				.map(r -> new AuditTrail.Dated(reminderHistory(r), r.at()))
				.toList());
			events.publishEvent(new RemindersSent(issued.stream().map(SupervisionLedger::sent).toList()));
		}
		return issued;
	}

	/** The values of {@link #REMINDER_INTO}'s columns, in order. */
	private static Object[] reminderRow(Issue.Reminder r) {
		var about = r.about();
		return new Object[] { r.id().id(), about.caseId().id(), about.step() == null ? null : about.step().name(),
				about.deadline() == null ? null : Timestamp.from(about.deadline()), r.light(), r.audience().name(),
				r.department() == null ? null : r.department().id(), r.region().value(), r.grid(), r.automatic(),
				r.note(), Timestamp.from(r.at()), r.by().id().toString(), r.by().displayName() };
	}

	private static Map<String, Object> reminder(Issue.Reminder r) {
		return values("id", r.id().id(), "caseId", r.about().caseId().id(), "light", r.light(), "audience",
				r.audience().name(), "region", r.region().value(), "automatic", r.automatic());
	}

	private static AuditRecord reminderHistory(Issue.Reminder r) {
		return record("reminder/" + r.about().caseId(), "reminder.sent", r.by(), details("reminder", r.id(), "step",
				r.about().step(), "light", r.light(), "department", r.department(), "note", r.note()));
	}

	private static ReminderSent sent(Issue.Reminder r) {
		return new ReminderSent(r.id(), r.about().caseId(), r.about().step(), r.audience(), r.department(),
				r.region(), r.grid(), r.automatic(), r.at());
	}

	boolean order(Issue.Order o) {
		var inserted = insert("""
				insert into supervision_order (id, case_id, step, deadline, department, region, due_at, state, automatic,
				note, issued_at, issued_by, issued_by_name, version) values (:id, :caseId, :step, :deadline, :department,
				:region, :dueAt, 'OPEN', :automatic, :note, :at, :by, :byName, 0) on conflict do nothing""",
				values("id", o.id().id(), "caseId", o.about().caseId().id(), "region", o.region().value(), "dueAt",
						Timestamp.from(o.dueAt()), "automatic", o.automatic()),
				o.about(), o.department(), null, o.note(), o.by(), o.at());
		if (inserted) {
			history("supervision-order/" + o.id(), "order.issued", o.by(), o.at(), details("case", o.about().caseId(),
					"step", o.about().step(), "department", o.department(), "dueAt", o.dueAt(), "note", o.note()));
			events.publishEvent(new SupervisionOrderIssued(o.id(), o.about().caseId(), o.department(), o.region(),
					o.dueAt(), o.automatic(), o.at()));
		}
		return inserted;
	}

	/** Issues a card; a yellow one counts towards the month's tally and may bring a red card with it. */
	boolean card(Issue.Card c) {
		var month = month(c.at());
		var inserted = insert("""
				insert into supervision_card (id, kind, reason, department, region, case_id, order_id, card_month, note,
				issued_at, issued_by, issued_by_name, once_key) values (:id, :kind, :reason, :department, :region,
				:caseId, :orderId, :month, :note, :at, :by, :byName, :onceKey) on conflict do nothing""",
				values("id", c.id().id(), "kind", c.kind().name(), "reason", c.reason().name(), "region",
						c.region().value(), "month", month, "onceKey", c.onceKey(), "caseId",
						c.caseId() == null ? null : c.caseId().id(), "orderId",
						c.order() == null ? null : c.order().id()),
				null, c.department(), null, c.note(), c.by(), c.at());
		if (!inserted) {
			return false;
		}
		history("card/" + c.id(), "card.issued", c.by(), c.at(), details("kind", c.kind(), "reason", c.reason(),
				"department", c.department(), "case", c.caseId(), "order", c.order(), "note", c.note()));
		events.publishEvent(new CardIssued(c.id(), c.kind(), c.reason(), c.department(), c.region(), c.caseId(), c.at()));
		if (c.kind() == CardKind.YELLOW_CARD) {
			var count = countYellow(c.department(), month);
			if (rules.redCardFor(count)) {
				card(new Issue.Card(CardId.random(), CardKind.RED_CARD, CardReason.YELLOW_CARDS_IN_MONTH,
						c.department(), c.region(), null, null, null,
						"yellows:" + c.department() + ":" + month + ":" + count, Actor.system(), c.at()));
			}
		}
		return true;
	}

	void timer(Issue.Timer t) {
		insert("""
				insert into supervision_timer (id, kind, case_id, step, deadline, department, region, order_id, fire_at,
				once_key) values (:id, :kind, :caseId, :step, :deadline, :department, :region, :orderId, :fireAt,
				:onceKey) on conflict do nothing""",
				values("id", t.id(), "kind", t.kind().name(), "caseId", t.about().caseId().id(), "region",
						t.region().value(), "orderId", t.order() == null ? null : t.order().id(), "fireAt",
						Timestamp.from(t.fireAt()), "onceKey", t.onceKey()),
				t.about(), t.department(), null, null, null, null);
	}

	/** Closes an open order (answered, settled or expired); false when it was no longer open. */
	boolean close(SupervisionOrderId id, OrderState state, String answer, Actor by, Instant at) {
		var changed = jdbc.sql("""
				update supervision_order set state = :state, answer = coalesce(:answer, answer),
				answered_at = case when :state = 'ANSWERED' then :at else answered_at end,
				answered_by_name = case when :state = 'ANSWERED' then :byName else answered_by_name end,
				closed_at = case when :state = 'ANSWERED' then closed_at else :at end, version = version + 1
				where id = :id and state = 'OPEN'""")
			.param("state", state.name())
			.param("answer", answer)
			.param("at", Timestamp.from(at))
			.param("byName", by.displayName())
			.param("id", id.id())
			.update() == 1;
		if (changed) {
			history("supervision-order/" + id, "order." + state.name().toLowerCase(), by, at,
					details("answer", answer));
		}
		return changed;
	}

	/** The checks that fall due in the window after {@code after} up to and including {@code upTo}, oldest first. */
	@Transactional(readOnly = true)
	List<Issue.Timer> timers(Instant after, Instant upTo, int limit) {
		return jdbc.sql("""
				select * from supervision_timer where fire_at > :after and fire_at <= :upTo
				order by fire_at, id limit :limit""")
			.param("after", Timestamp.from(after))
			.param("upTo", Timestamp.from(upTo))
			.param("limit", limit)
			.query(SupervisionLedger::timer)
			.list();
	}

	static String month(Instant at) {
		return YearMonth.from(at.atZone(BeijingTime.ZONE)).toString();
	}

	private int countYellow(DepartmentId department, String month) {
		jdbc.sql("insert into supervision_card_tally (department, card_month, yellow_cards) values (:d, :m, 0) on conflict do nothing")
			.param("d", department.id())
			.param("m", month)
			.update();
		jdbc.sql("update supervision_card_tally set yellow_cards = yellow_cards + 1 where department = :d and card_month = :m")
			.param("d", department.id())
			.param("m", month)
			.update();
		return jdbc.sql("select yellow_cards from supervision_card_tally where department = :d and card_month = :m")
			.param("d", department.id())
			.param("m", month)
			.query(Integer.class)
			.single();
	}

	private boolean insert(String sql, Map<String, Object> values, Issue.About about, DepartmentId department,
			UUID grid, String note, Actor by, Instant at) {
		try {
			return jdbc.sql(sql).params(params(values, about, department, grid, note, by, at)).update() == 1;
		}
		catch (DuplicateKeyException raced) {
			return false;
		}
	}

	private static Map<String, Object> params(Map<String, Object> values, Issue.About about, DepartmentId department,
			UUID grid, String note, Actor by, Instant at) {
		var params = new java.util.HashMap<String, Object>(values);
		params.put("step", about == null || about.step() == null ? null : about.step().name());
		params.put("deadline", about == null || about.deadline() == null ? null : Timestamp.from(about.deadline()));
		params.put("department", department == null ? null : department.id());
		params.put("grid", grid);
		params.put("note", note);
		params.put("at", at == null ? null : Timestamp.from(at));
		params.put("by", by == null ? null : by.id().toString());
		params.put("byName", by == null ? null : by.displayName());
		return params;
	}

	private void history(String stream, String action, Actor by, Instant at, Map<String, Object> details) {
		audit.record(record(stream, action, by, details), at);
	}

	private void history(AuditRecord record, Instant at) {
		audit.record(record, at);
	}

	private static AuditRecord record(String stream, String action, Actor by, Map<String, Object> details) {
		return new AuditRecord(stream, action, by.id().toString(), by.displayName(), details);
	}

	/** Named parameters that may be null (unlike {@code Map.of}). */
	private static Map<String, Object> values(Object... pairs) {
		var values = new java.util.HashMap<String, Object>();
		for (var i = 0; i < pairs.length; i += 2) {
			values.put((String) pairs[i], pairs[i + 1]);
		}
		return values;
	}

	/** History details without empty values, in the order given. */
	static Map<String, Object> details(Object... pairs) {
		var details = new LinkedHashMap<String, Object>();
		for (var i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				details.put((String) pairs[i], pairs[i + 1].toString());
			}
		}
		return details;
	}

	private static Issue.Timer timer(ResultSet rs, int n) throws SQLException {
		var step = rs.getString("step");
		var deadline = rs.getTimestamp("deadline");
		var order = rs.getObject("order_id", UUID.class);
		return new Issue.Timer(rs.getObject("id", UUID.class), Issue.TimerKind.valueOf(rs.getString("kind")),
				new Issue.About(new CaseId(rs.getObject("case_id", UUID.class)), step == null ? null : Step.valueOf(step),
						deadline == null ? null : deadline.toInstant()),
				new DepartmentId(rs.getObject("department", UUID.class)), RegionCode.of(rs.getString("region")),
				order == null ? null : new SupervisionOrderId(order), rs.getTimestamp("fire_at").toInstant(),
				rs.getString("once_key"));
	}

}
