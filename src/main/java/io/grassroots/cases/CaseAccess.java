package io.grassroots.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.ForbiddenException;

import org.springframework.stereotype.Component;

/**
 * Who may see and act on a case. A region scope sees the cases placed in its subtree, a department its orders
 * (lead or assisting), a grid its own cases. A confidential case is seen only by its handlers: the dispatchers whose
 * scope covers it, its departments and the account that reported it. Actions also need the role of the state table
 * and, for departments, the right assignment.
 */
@Component
class CaseAccess {

	boolean canSee(Actor actor, Case subject, Supplier<List<AssistStore.Part>> assists) {
		if (actor.isSystem()) {
			return true;
		}
		var inScope = inScope(actor, subject, assists);
		if (!subject.origin().confidential()) {
			return inScope;
		}
		return inScope && (actor.has(Role.DISPATCHER) && actor.scope().kind() == DataScope.Kind.REGION
				|| actor.scope().kind() == DataScope.Kind.DEPARTMENT)
				|| actor.id().id().equals(subject.origin().reporter().reporterAccount());
	}

	void check(Actor actor, Case subject, CaseAction action, Supplier<List<AssistStore.Part>> assists) {
		var refusal = refusal(actor, subject, action, assists);
		if (refusal != null) {
			throw new ForbiddenException(refusal, refusal.equals("cases.forbidden.role") ? new Object[] { CaseLabels.action(action) }
					: new Object[0]);
		}
	}

	/** Whether the actor may take the action (the page asks this for every action: no exception per refusal). */
	boolean permits(Actor actor, Case subject, CaseAction action, Supplier<List<AssistStore.Part>> assists) {
		return refusal(actor, subject, action, assists) == null;
	}

	/** Why the actor may not take the action, as a message key; null when they may. */
	private String refusal(Actor actor, Case subject, CaseAction action, Supplier<List<AssistStore.Part>> assists) {
		if (actor.isSystem()) {
			return null;
		}
		if (!canSee(actor, subject, assists)) {
			return "problem.outsideScope";
		}
		if (!action.allowedTo(actor)) {
			return "cases.forbidden.role";
		}
		return switch (action) {
			case CLAIM, RETURN, REQUEST_EXTENSION, REPORT_BACK -> isDepartment(actor, subject.leadDepartment() == null
					? null : subject.leadDepartment().id()) ? null : "cases.forbidden.notLead";
			case REPORT_ASSIST -> actor.scope().kind() == DataScope.Kind.DEPARTMENT && assists.get().stream()
				.anyMatch(p -> p.department().id().equals(actor.scope().department())) ? null
						: "cases.forbidden.notAssisting";
			case ESCALATE -> actor.has(subject.status() == CaseStatus.COMMUNITY_HANDLING ? Role.COMMUNITY_STAFF
					: Role.GRID_WORKER) ? null : "cases.forbidden.notYourTier";
			default -> null;
		};
	}

	/** The SQL condition (on alias {@code c}) that keeps the cases an actor may see, with its parameters. */
	Filter filter(Actor actor) {
		var params = new HashMap<String, Object>();
		if (actor.isSystem()) {
			return new Filter("1 = 1", params);
		}
		var scope = actor.scope();
		params.put("actor", actor.id().id());
		var where = switch (scope.kind()) {
			case REGION -> {
				params.put("from", scope.region().subtreeFrom());
				params.put("to", scope.region().subtreeTo());
				yield "c.region >= :from and c.region < :to and (c.confidential = false or "
						+ (actor.has(Role.DISPATCHER) ? "1 = 1" : "c.reporter_account = :actor") + ")";
			}
			case DEPARTMENT -> {
				params.put("department", scope.department());
				yield "(c.lead_department = :department or exists (select 1 from cases_assist a where a.case_id = c.id"
						+ " and a.department = :department))";
			}
			case GRID -> {
				params.put("grid", scope.grid());
				yield "c.grid = :grid and (c.confidential = false or c.reporter_account = :actor)";
			}
		};
		return new Filter(where, params);
	}

	/**
	 * Where a work queue reads the cases an actor may see, as one or more sources whose results are disjoint (a
	 * department: the orders it leads, and the cases it assists on), each {@code from} clause with its condition on
	 * alias {@code c}, so that each can be read in index order and stop after one page.
	 */
	List<Source> sources(Actor actor) {
		var filter = filter(actor);
		if (actor.isSystem() || actor.scope().kind() != DataScope.Kind.DEPARTMENT) {
			return List.of(new Source("cases_case c", filter.where(), Source.CASE_ORDER, filter.params()));
		}
		var params = filter.params();
		return List.of(new Source("cases_case c", "c.lead_department = :department", Source.CASE_ORDER, params),
				new Source("cases_assist a join cases_case c on c.id = a.case_id",
						"a.department = :department and (c.lead_department is null or c.lead_department <> :department)",
						Source.ASSIST_ORDER, params));
	}

	private static boolean inScope(Actor actor, Case subject, Supplier<List<AssistStore.Part>> assists) {
		var scope = actor.scope();
		return switch (scope.kind()) {
			case REGION -> scope.coversRegion(subject.place().region());
			case DEPARTMENT -> subject.leadDepartment() != null
					&& subject.leadDepartment().id().equals(scope.department())
					|| assists.get().stream().anyMatch(p -> p.department().id().equals(scope.department()));
			case GRID -> scope.grid().equals(subject.place().grid());
		};
	}

	private static boolean isDepartment(Actor actor, UUID department) {
		return actor.scope().kind() == DataScope.Kind.DEPARTMENT && actor.scope().department().equals(department);
	}

	/**
	 * A source of a queue: its FROM clause, its condition, the columns an index of it is ordered by (the state, then
	 * the queue's order: each state is read on its own in index order), and the named parameters.
	 */
	record Source(String from, String where, Order order, Map<String, Object> params) {

		/** The case's own columns (cases_case_queue, cases_case_lead_queue). */
		static final Order CASE_ORDER = new Order("c.status", "c.due_at", "c.reported_at", "c.id");

		/** The assist row's copy of them (cases_assist_queue). */
		static final Order ASSIST_ORDER = new Order("a.case_status", "a.case_due_at", "a.case_reported_at",
				"a.case_id");

	}

	/**
	 * The columns of a queue's source that its index follows: the state, then the queue's order — the deadline
	 * (none last), the newest report first — and the id, which makes the order total for the next page's cursor.
	 */
	record Order(String status, String due, String reported, String id) {

		String orderBy() {
			return due + ", " + reported + " desc, " + id;
		}

		/**
		 * The order of the queue indexes themselves, without the id (they do not hold it): a state's rows are read
		 * in it straight from the index and the read stops at the page's last row (and the rows that tie with it),
		 * where ordering by the id as well made PostgreSQL sort the index's rows in batches of at least 32 per state
		 * and source — and fetch each of them from the table — before the first could be merged.
		 */
		String indexOrder() {
			return due + ", " + reported + " desc";
		}

	}

	/** A WHERE condition and its named parameters. */
	record Filter(String where, Map<String, Object> params) {
	}

}
