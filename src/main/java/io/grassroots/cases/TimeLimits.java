package io.grassroots.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.identity.Actor;
import io.grassroots.identity.Role;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RefreshedSetting;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time-limit table (时限表): which limit each step of a case has, by category × urgency × condition. Read on
 * every transition from memory; changed by administrators. The changes open their transaction through a
 * {@link TransactionTemplate}, not {@code @Transactional}, so that the bean is no proxy and the look-ups of every
 * transition are plain calls (bench/RESULTS.md, lifecycle, 2026-12-04 night).
 */
@Service
public class TimeLimits {

	/** Used only when an administrator removed every row that would match. */
	static final Map<Step, TimeLimit> FALLBACK = Map.of(Step.DISPATCH, TimeLimit.minutes(30), Step.CLAIM,
			TimeLimit.workingHours(1), Step.HANDLE, TimeLimit.workingDays(7), Step.VERIFY, TimeLimit.workingHours(1),
			Step.EVALUATE, TimeLimit.minutes(7 * 24 * 60));

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final RefreshedSetting<List<TimeLimitRule>> cache;

	private final TransactionTemplate transactions;

	TimeLimits(JdbcClient jdbc, AuditTrail audit, CasesProperties properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.audit = audit;
		this.cache = new RefreshedSetting<>(properties.settingsRefresh(),
				() -> jdbc.sql("select * from cases_time_limit").query(TimeLimits::rule).list()
					.stream()
					.sorted(Comparator.comparing(TimeLimitRule::step).thenComparingInt(TimeLimitRule::specificity))
					.toList());
	}

	/**
	 * Every row, general ones first, from memory (read again after a change, here at once, elsewhere within the
	 * refresh time, by a background thread while the rows are in use: {@link RefreshedSetting}).
	 */
	public List<TimeLimitRule> rules() {
		return cache.get();
	}

	/** The limit of a step for a case of this category, urgency and conditions. */
	public TimeLimit limitFor(CategoryKey category, Urgency urgency, Set<LimitCondition> conditions, Step step) {
		// a loop, not a stream: asked on every transition that starts a clock (the most specific rule; the first
		// of equally specific ones, as Stream.max answered)
		TimeLimitRule best = null;
		for (var rule : rules()) {
			if (rule.matches(category, urgency, conditions, step)
					&& (best == null || rule.specificity() > best.specificity())) {
				best = rule;
			}
		}
		return best == null ? FALLBACK.get(step) : best.limit();
	}

	/** Adds a row (no id) or changes one (its id and the version read). */
	public TimeLimitRule save(Actor actor, TimeLimitRule rule) {
		return transactions.execute(status -> saveInTransaction(actor, rule));
	}

	private TimeLimitRule saveInTransaction(Actor actor, TimeLimitRule rule) {
		administrator(actor);
		if (rule.id() != null && rules().stream().noneMatch(r -> r.id().equals(rule.id()))) {
			throw new NotFoundException("cases.timeLimit.notFound", rule.id());
		}
		var id = rule.id() == null ? UUID.randomUUID() : rule.id();
		var params = Map.<String, Object>of("id", id, "step", rule.step().name(), "amount", rule.limit().amount(),
				"unit", rule.limit().unit().name(), "version", rule.version());
		var columns = new java.util.HashMap<>(params);
		columns.put("standard", rule.category() == null ? null : rule.category().standard());
		columns.put("code", rule.category() == null ? null : rule.category().code());
		columns.put("urgency", rule.urgency() == null ? null : rule.urgency().name());
		columns.put("condition", rule.condition() == null ? null : rule.condition().name());
		var changed = rule.id() == null ? jdbc.sql("""
				insert into cases_time_limit (id, category_standard, category_code, urgency, limit_condition, step,
				amount, unit, version) values (:id, :standard, :code, :urgency, :condition, :step, :amount, :unit, 0)""")
			.params(columns).update() : jdbc.sql("""
				update cases_time_limit set category_standard = :standard, category_code = :code, urgency = :urgency,
				limit_condition = :condition, step = :step, amount = :amount, unit = :unit, version = version + 1
				where id = :id and version = :version""").params(columns).update();
		if (changed == 0) {
			throw new ConflictException("problem.staleVersion");
		}
		record(actor, rule.id() == null ? "timeLimit.added" : "timeLimit.changed", id, rule);
		return rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
	}

	public void remove(Actor actor, UUID id) {
		transactions.executeWithoutResult(status -> {
			administrator(actor);
			var rule = rules().stream().filter(r -> r.id().equals(id)).findFirst()
				.orElseThrow(() -> new NotFoundException("cases.timeLimit.notFound", id));
			jdbc.sql("delete from cases_time_limit where id = :id").param("id", id).update();
			record(actor, "timeLimit.removed", id, rule);
		});
	}

	private void record(Actor actor, String action, UUID id, TimeLimitRule rule) {
		cache.forget();
		audit.record(new AuditRecord("timelimits", action, actor.id().toString(), actor.displayName(),
				Map.of("id", id.toString(), "category", String.valueOf(rule.category()), "urgency",
						String.valueOf(rule.urgency()), "condition", String.valueOf(rule.condition()), "step",
						rule.step().name(), "limit", rule.limit().toString())));
	}

	private static void administrator(Actor actor) {
		if (!actor.has(Role.ADMINISTRATOR) || !actor.scope().region().isRoot()) {
			throw new ForbiddenException("problem.forbidden");
		}
	}

	private static TimeLimitRule rule(ResultSet rs, int n) throws SQLException {
		var standard = rs.getString("category_standard");
		var urgency = rs.getString("urgency");
		var condition = rs.getString("limit_condition");
		return new TimeLimitRule(rs.getObject("id", UUID.class),
				standard == null ? null : new CategoryKey(standard, rs.getString("category_code")),
				urgency == null ? null : Urgency.valueOf(urgency),
				condition == null ? null : LimitCondition.valueOf(condition), Step.valueOf(rs.getString("step")),
				new TimeLimit(rs.getInt("amount"), LimitUnit.valueOf(rs.getString("unit"))), rs.getLong("version"));
	}

}
