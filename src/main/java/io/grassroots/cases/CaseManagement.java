package io.grassroots.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.cases.CaseHistory.Note;
import io.grassroots.identity.AccountId;
import io.grassroots.identity.Actor;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RuleViolationException;

import org.springframework.stereotype.Service;

/**
 * The closed loop of a case, one business verb per transition of the state table. Every verb checks the actor's role,
 * data scope and assignment, the state, and the version the actor saw; computes the next step's deadline with the
 * time-limit table and the work calendar; saves the case (one row), writes the history entry (audit chain) and
 * publishes the event, all in one transaction. Two actors acting at once: one wins, the other gets a conflict (409).
 */
@Service
public class CaseManagement {

	/** A resident acting through the public pages (reporting, rating). */
	public static final Actor RESIDENT = new Actor(new AccountId(new UUID(0, 1)), "resident", "resident", Set.of(),
			DataScope.everything());

	private static final List<Upload> NONE = List.of();

	private final CaseReadsImpl cases;

	private final CaseIntake intake;

	private final CaseTransitions transitions;

	private final CaseClocks clocks;

	private final CaseRules rules;

	private final AssistStore assists;

	private final CaseHistory history;

	CaseManagement(CaseReadsImpl cases, CaseIntake intake, CaseTransitions transitions, CaseClocks clocks,
			CaseRules rules, AssistStore assists, CaseHistory history) {
		this.cases = cases;
		this.intake = intake;
		this.transitions = transitions;
		this.clocks = clocks;
		this.rules = rules;
		this.assists = assists;
		this.history = history;
	}

	/**
	 * Takes a report in from staff (phone, counter, mailbox, patrol, grid worker …). With an idempotency key, the
	 * same key again (also concurrently) returns the first case, marked as not created.
	 */
	public CaseSummary report(Actor actor, Intake report) {
		if (!actor.isSystem() && !CaseAction.REPORT.allowedTo(actor)) {
			throw new ForbiddenException("cases.forbidden.role", CaseLabels.action(CaseAction.REPORT));
		}
		return intake.take(actor, report, actor.id().toString());
	}

	/** Takes a report in from a resident (H5 page, Open311): channel ONLINE, no account. */
	public CaseSummary reportPublic(Intake report) {
		return intake.take(RESIDENT, report.fromResident(), "public");
	}

	public CaseSummary resolveOnSite(Actor actor, CaseId id, long version, String note, List<Upload> evidence) {
		if (evidence == null || evidence.stream().noneMatch(u -> u.content().length > 0)) {
			throw InvalidInputException.of("photos", "cases.resolveOnSite.evidenceRequired");
		}
		var text = NoteCheck.optional("note", note);
		return transitions.run(actor, id, version, CaseAction.RESOLVE_ON_SITE, evidence, (c, now, a) -> {
			c.resolveOnSite(clocks.start(c, Step.EVALUATE, now), now);
			return Note.of(text);
		});
	}

	public CaseSummary handOverToCommunity(Actor actor, CaseId id, long version, String note) {
		var text = NoteCheck.optional("note", note);
		return transitions.run(actor, id, version, CaseAction.HAND_OVER, NONE, (c, now, a) -> {
			c.handOverToCommunity(clocks.start(c, Step.HANDLE, now), now);
			return Note.of(text);
		});
	}

	public CaseSummary resolve(Actor actor, CaseId id, long version, String note, List<Upload> evidence) {
		var text = NoteCheck.required("note", note);
		return transitions.run(actor, id, version, CaseAction.RESOLVE, evidence, (c, now, a) -> {
			c.resolve(clocks.start(c, Step.EVALUATE, now), now);
			return Note.of(text);
		});
	}

	public CaseSummary escalate(Actor actor, CaseId id, long version, String reason) {
		var text = NoteCheck.required("reason", reason);
		return transitions.run(actor, id, version, CaseAction.ESCALATE, NONE, (c, now, a) -> {
			c.escalate(clocks.start(c, Step.DISPATCH, now), now);
			return Note.of(text);
		});
	}

	public CaseSummary assignDown(Actor actor, CaseId id, long version, Tier to, String note) {
		var text = NoteCheck.optional("note", note);
		var action = to == Tier.GRID ? CaseAction.ASSIGN_TO_GRID : CaseAction.ASSIGN_TO_COMMUNITY;
		return transitions.run(actor, id, version, action, NONE, (c, now, a) -> {
			c.assignDown(to, clocks.start(c, Step.HANDLE, now), now);
			return Note.of(text, Map.of("to", to.name()));
		});
	}

	/** 立案: confirms category and urgency (and whether complex); the dispatch clock keeps running. */
	public CaseSummary file(Actor actor, CaseId id, long version, CategoryKey category, Urgency urgency,
			boolean complex, String note) {
		var text = NoteCheck.optional("note", note);
		rules.checkCategory(category);
		var level = urgency == null ? Urgency.NORMAL : urgency;
		return transitions.run(actor, id, version, CaseAction.FILE, NONE, (c, now, a) -> {
			c.file(category, level, complex, now);
			return Note.of(text, Map.of("category", category.toString(), "urgency", level.name(), "complex", complex));
		});
	}

	public CaseSummary reject(Actor actor, CaseId id, long version, String reason) {
		var text = NoteCheck.required("reason", reason);
		return transitions.run(actor, id, version, CaseAction.REJECT, NONE, (c, now, a) -> {
			c.reject(now);
			return Note.of(text);
		});
	}

	/** 合并: the case joins another one; both keep their reporters, who are told through the event. */
	public CaseSummary merge(Actor actor, CaseId id, long version, CaseId into, String note) {
		var text = NoteCheck.optional("note", note);
		var target = rules.mergeTarget(actor, into);
		return transitions.run(actor, id, version, CaseAction.MERGE, NONE, (c, now, a) -> {
			c.mergeInto(into, now);
			history.mention(into, "case.mergedHere", actor, now, Map.of("mergedFrom", c.origin().trackingCode()));
			return Note.of(text, Map.of("into", target.origin().trackingCode()));
		});
	}

	/** 派单: to a lead department and optional assisting ones, each serving the case's place. */
	public CaseSummary dispatch(Actor actor, CaseId id, long version, DepartmentId lead, List<DepartmentId> assisting,
			String note) {
		var text = NoteCheck.optional("note", note);
		var helpers = assisting == null || assisting.isEmpty() ? List.<DepartmentId>of()
				: assisting.stream().distinct().toList();
		return transitions.run(actor, id, version, CaseAction.DISPATCH, NONE, (c, now, a) -> {
			rules.checkDepartments(c, lead, helpers);
			c.dispatch(lead, helpers, clocks.start(c, Step.CLAIM, now), now);
			if (!helpers.isEmpty() || c.tally().returnCount() > 0) {
				assists.assign(c, helpers);
			}
			return Note.of(text, Map.of("lead", lead.toString(), "assisting",
					helpers.isEmpty() ? List.of() : helpers.stream().map(String::valueOf).toList()));
		});
	}

	/** 接单: the lead department takes the order; the handling clock starts. */
	public CaseSummary claim(Actor actor, CaseId id, long version) {
		return transitions.run(actor, id, version, CaseAction.CLAIM, NONE, (c, now, a) -> {
			c.claim(clocks.start(c, Step.HANDLE, now), now);
			return Note.of(null);
		});
	}

	/** 退单: not this department's matter; back to the dispatcher with the reason. */
	public CaseSummary returnOrder(Actor actor, CaseId id, long version, String reason) {
		var text = NoteCheck.required("reason", reason);
		return transitions.run(actor, id, version, CaseAction.RETURN, NONE, (c, now, a) -> {
			var department = c.leadDepartment();
			c.returnOrder(clocks.start(c, Step.DISPATCH, now), now);
			return Note.of(text, Map.of("department", department.toString()));
		});
	}

	public CaseSummary requestExtension(Actor actor, CaseId id, long version, TimeLimit extension, String reason) {
		var text = NoteCheck.required("reason", reason);
		if (extension == null || extension.amount() < 1) {
			throw InvalidInputException.of("extension", "cases.extension.badLimit");
		}
		return transitions.run(actor, id, version, CaseAction.REQUEST_EXTENSION, NONE, (c, now, a) -> {
			c.requestExtension(extension, now);
			return Note.of(text, Map.of("extension", extension.toString()));
		});
	}

	/** Approves (the deadline moves by the extension) or denies the pending extension. */
	public CaseSummary decideExtension(Actor actor, CaseId id, long version, boolean approve, String note) {
		var text = NoteCheck.optional("note", note);
		var action = approve ? CaseAction.APPROVE_EXTENSION : CaseAction.DENY_EXTENSION;
		return transitions.run(actor, id, version, action, NONE, (c, now, a) -> {
			if (approve) {
				c.approveExtension(c.pendingExtension() == null ? c.clock()
						: clocks.extend(c, c.pendingExtension(), now), now);
			}
			else {
				c.denyExtension(now);
			}
			return Note.of(text);
		});
	}

	/** 挂账: the clock stops until the case is restored. */
	public CaseSummary park(Actor actor, CaseId id, long version, String reason) {
		var text = NoteCheck.required("reason", reason);
		return transitions.run(actor, id, version, CaseAction.PARK, NONE, (c, now, a) -> {
			c.park(c.clock() == null ? null : clocks.stop(c, now), now);
			return Note.of(text);
		});
	}

	public CaseSummary restore(Actor actor, CaseId id, long version, String note) {
		var text = NoteCheck.optional("note", note);
		return transitions.run(actor, id, version, CaseAction.RESTORE, NONE, (c, now, a) -> {
			c.restore(c.clock() != null && c.clock().parked() ? clocks.resume(c, now) : c.clock(), now);
			return Note.of(text);
		});
	}

	/** An assisting department reports its part; the lead reports back once every part is in. */
	public CaseSummary reportAssist(Actor actor, CaseId id, long version, String result, List<Upload> evidence) {
		var text = NoteCheck.required("result", result);
		return transitions.run(actor, id, version, CaseAction.REPORT_ASSIST, evidence, (c, now, a) -> {
			var department = new DepartmentId(actor.scope().department());
			if (a.get().stream().anyMatch(p -> p.department().equals(department) && p.reportedAt() != null)) {
				throw new RuleViolationException("cases.assist.alreadyReported");
			}
			c.assistReported(department, now);
			assists.reported(c.id(), department, now);
			return Note.of(text, Map.of("department", department.toString()));
		});
	}

	/** 处置反馈: the result with its evidence; assisting departments must have reported their part. */
	public CaseSummary reportBack(Actor actor, CaseId id, long version, String result, List<Upload> evidence) {
		var text = NoteCheck.required("result", result);
		return transitions.run(actor, id, version, CaseAction.REPORT_BACK, evidence, (c, now, a) -> {
			if (a.get().stream().anyMatch(p -> p.reportedAt() == null)) {
				throw new RuleViolationException("cases.reportBack.assistsPending");
			}
			c.reportBack(clocks.start(c, Step.VERIFY, now), now);
			return Note.of(text);
		});
	}

	/** 核查: passed closes the case; failed is rework for the same department (a reason is required). */
	public CaseSummary verify(Actor actor, CaseId id, long version, boolean passed, String note, List<Upload> evidence) {
		var text = passed ? NoteCheck.optional("note", note) : NoteCheck.required("note", note);
		var action = passed ? CaseAction.VERIFY_PASS : CaseAction.VERIFY_FAIL;
		return transitions.run(actor, id, version, action, evidence, (c, now, a) -> {
			c.verify(passed, clocks.start(c, passed ? Step.EVALUATE : Step.HANDLE, now), now);
			return Note.of(text);
		});
	}

	/**
	 * Records an evaluation (回访评议): a staff callback, or the platform's "no reply" when the window ran out. The
	 * evaluation module owns the window, the callbacks and the indicators; this records the rating on the case.
	 */
	public CaseSummary evaluate(Actor actor, CaseId id, long version, Rating rating, Boolean resolved,
			EvaluationSource source, String note) {
		var text = NoteCheck.optional("note", note);
		if (rating == null || source == null || source == EvaluationSource.RESIDENT) {
			throw InvalidInputException.of("rating", "cases.evaluate.badRating");
		}
		return transitions.run(actor, id, version, CaseAction.EVALUATE, NONE, (c, now, a) -> {
			c.evaluate(rating, resolved, source, now);
			return Note.of(text, CaseRules.rated(rating, resolved, source));
		});
	}

	/** The resident rates the handling on the public tracking page, within the evaluation window. */
	public CaseSummary evaluateByResident(String trackingCode, Rating rating, boolean resolved, String comment) {
		var text = NoteCheck.optional("comment", comment);
		if (rating == null || rating == Rating.NO_REPLY) {
			throw InvalidInputException.of("rating", "cases.evaluate.badRating");
		}
		return transitions.runByTrackingCode(RESIDENT, trackingCode, CaseAction.EVALUATE, (c, now, a) -> {
			if (c.clock() != null && c.clock().dueAt() != null && now.isAfter(c.clock().dueAt())) {
				throw new RuleViolationException("cases.evaluate.windowClosed");
			}
			c.evaluate(rating, resolved, EvaluationSource.RESIDENT, now);
			return Note.of(text, CaseRules.rated(rating, resolved, EvaluationSource.RESIDENT));
		});
	}

	/** 重办: a supervisor sends a dissatisfied or unresolved case back to the dispatcher. */
	public CaseSummary reopen(Actor actor, CaseId id, long version, String reason) {
		var text = NoteCheck.required("reason", reason);
		return transitions.run(actor, id, version, CaseAction.REOPEN, NONE, (c, now, a) -> {
			c.reopen(clocks.start(c, Step.DISPATCH, now), now);
			return Note.of(text);
		});
	}

	/** 作废: a dispatcher needs the approval (who approved) in writing; a supervisor approves by acting. */
	public CaseSummary voidCase(Actor actor, CaseId id, long version, String reason, String approvedBy) {
		var text = NoteCheck.required("reason", reason);
		var approval = actor.has(Role.SUPERVISOR) ? actor.displayName() : NoteCheck.required("approvedBy", approvedBy);
		return transitions.run(actor, id, version, CaseAction.VOID, NONE, (c, now, a) -> {
			c.voidCase(now);
			return Note.of(text, Map.of("approvedBy", approval));
		});
	}

}
