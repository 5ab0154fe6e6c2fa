package io.grassroots.cases;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import io.grassroots.calendar.TimeLimit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.RuleViolationException;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A case (工单) and its place in the closed loop. Every transition is a business verb that checks the state table
 * ({@link CaseStatus#after}), changes the case and registers its event. Deadlines are computed by the caller (with
 * the work calendar) and handed in as the clock of the next step; the caller also passes the time.
 */
@Table("cases_case")
public class Case extends AbstractAggregateRoot<Case> {

	private final @Id CaseId id;

	private final @Embedded.Empty Origin origin;

	private CaseStatus status;

	private Tier tier;

	private @Embedded.Empty Matter matter;

	private @Embedded.Empty Place place;

	private DepartmentId leadDepartment;

	private CaseId mergedInto;

	private @Embedded.Nullable StepClock clock;

	private @Embedded.Nullable(prefix = "extension_") TimeLimit pendingExtension;

	private @Embedded.Empty Tally tally;

	private @Embedded.Empty Milestones milestones;

	private @Embedded.Nullable Outcome outcome;

	private @Version Long version;

	@PersistenceCreator
	Case(CaseId id, Origin origin, CaseStatus status, Tier tier, Matter matter, Place place,
			DepartmentId leadDepartment, CaseId mergedInto, StepClock clock, TimeLimit pendingExtension, Tally tally,
			Milestones milestones, Outcome outcome, Long version) {
		this.id = id;
		this.origin = origin;
		this.status = status;
		this.tier = tier;
		this.matter = matter;
		this.place = place;
		this.leadDepartment = leadDepartment;
		this.mergedInto = mergedInto;
		this.clock = clock;
		this.pendingExtension = pendingExtension;
		this.tally = tally;
		this.milestones = milestones;
		this.outcome = outcome;
		this.version = version;
	}

	/** A new case, as the intake built it: placed, with its suggested department and the clock of its first step. */
	static Case report(Origin origin, Matter matter, Place place, StepClock clock, Instant now) {
		var reported = new Case(CaseId.next(), origin, CaseStatus.REPORTED, origin.channel().startingTier(), matter,
				place, null, null, clock, null, Tally.zero(), Milestones.reported(now), null, null);
		reported.registerEvent(new CaseReported(reported.id, place.region(), place.grid(), origin.trackingCode(),
				origin.channel(), reported.tier, matter.category(), matter.urgency(), origin.suggestedDepartment(),
				origin.suspectedDuplicate(), origin.confidential(), clock.deadline(), now));
		return reported;
	}

	/** 即时办结: a grid worker solves a small matter on the spot. */
	void resolveOnSite(StepClock evaluation, Instant now) {
		close(CaseAction.RESOLVE_ON_SITE, ResolvedAt.GRID, evaluation, now);
	}

	void handOverToCommunity(StepClock handling, Instant now) {
		move(CaseAction.HAND_OVER, handling);
		tier = Tier.COMMUNITY;
		registerEvent(new CaseHandedOver(id, place.region(), place.grid(), handling.deadline(), now));
	}

	/** The community resolved it. */
	void resolve(StepClock evaluation, Instant now) {
		close(CaseAction.RESOLVE, ResolvedAt.COMMUNITY, evaluation, now);
	}

	void escalate(StepClock dispatching, Instant now) {
		var from = tier;
		move(CaseAction.ESCALATE, dispatching);
		tier = Tier.STREET;
		registerEvent(new CaseEscalated(id, place.region(), place.grid(), from, dispatching.deadline(), now));
	}

	/** 下派: the dispatcher hands a small matter down to the community or the grid. */
	void assignDown(Tier to, StepClock handling, Instant now) {
		if (to == Tier.STREET) {
			throw new RuleViolationException("cases.assignDown.notStreet");
		}
		move(to == Tier.COMMUNITY ? CaseAction.ASSIGN_TO_COMMUNITY : CaseAction.ASSIGN_TO_GRID, handling);
		tier = to;
		registerEvent(new CaseAssignedDown(id, place.region(), place.grid(), to, handling.deadline(), now));
	}

	void file(CategoryKey category, Urgency urgency, boolean complex, Instant now) {
		move(CaseAction.FILE, clock);
		matter = matter.classify(category, urgency, complex);
		milestones = milestones.filed(now);
		registerEvent(new CaseFiled(id, place.region(), place.grid(), category, urgency, complex, deadline(), now));
	}

	void reject(Instant now) {
		move(CaseAction.REJECT, null);
		registerEvent(new CaseRejected(id, place.region(), place.grid(), now));
	}

	void mergeInto(CaseId into, Instant now) {
		allowed(CaseAction.MERGE);
		if (into.equals(id)) {
			throw new RuleViolationException("cases.merge.self");
		}
		move(CaseAction.MERGE, null);
		mergedInto = into;
		registerEvent(new CaseMerged(id, place.region(), place.grid(), into, now));
	}

	void dispatch(DepartmentId lead, List<DepartmentId> assisting, StepClock claiming, Instant now) {
		move(CaseAction.DISPATCH, claiming);
		leadDepartment = lead;
		milestones = milestones.dispatched(now);
		registerEvent(new CaseDispatched(id, place.region(), place.grid(), lead, assisting, tally.returnCount(),
				claiming.deadline(), now));
	}

	void claim(StepClock handling, Instant now) {
		var claimDue = clock.dueAt();
		move(CaseAction.CLAIM, handling);
		milestones = milestones.claimed(now);
		registerEvent(new CaseClaimed(id, place.region(), place.grid(), leadDepartment, claimDue,
				!now.isAfter(claimDue), handling.deadline(), now));
	}

	/** 退单: the order goes back to the dispatcher, who must send it on. */
	void returnOrder(StepClock dispatching, Instant now) {
		var department = leadDepartment;
		move(CaseAction.RETURN, dispatching);
		leadDepartment = null;
		tally = tally.returned();
		registerEvent(new CaseReturned(id, place.region(), place.grid(), department, dispatching.deadline(), now));
	}

	/** 延期: asked for before the deadline; the dispatcher decides. */
	void requestExtension(TimeLimit extension, Instant now) {
		allowed(CaseAction.REQUEST_EXTENSION);
		if (pendingExtension != null) {
			throw new RuleViolationException("cases.extension.pending");
		}
		if (clock == null || !now.isBefore(clock.dueAt())) {
			throw new RuleViolationException("cases.extension.tooLate");
		}
		move(CaseAction.REQUEST_EXTENSION, clock);
		pendingExtension = extension;
		registerEvent(new CaseExtensionRequested(id, place.region(), place.grid(), leadDepartment, extension, now));
	}

	/** Approves the pending extension; the caller hands in the clock with the deadline moved. */
	void approveExtension(StepClock extended, Instant now) {
		var extension = requirePendingExtension();
		move(CaseAction.APPROVE_EXTENSION, extended);
		pendingExtension = null;
		tally = tally.extended();
		registerEvent(new CaseExtensionDecided(id, place.region(), place.grid(), leadDepartment, extension, true,
				extended.deadline(), now));
	}

	void denyExtension(Instant now) {
		var extension = requirePendingExtension();
		move(CaseAction.DENY_EXTENSION, clock);
		pendingExtension = null;
		registerEvent(new CaseExtensionDecided(id, place.region(), place.grid(), leadDepartment, extension, false,
				deadline(), now));
	}

	/** 挂账: the clock stops; the caller hands in the stopped clock. */
	void park(StepClock stopped, Instant now) {
		move(CaseAction.PARK, stopped);
		registerEvent(new CaseParked(id, place.region(), place.grid(), leadDepartment, now));
	}

	void restore(StepClock resumed, Instant now) {
		move(CaseAction.RESTORE, resumed);
		registerEvent(new CaseRestored(id, place.region(), place.grid(), leadDepartment, resumed.deadline(), now));
	}

	/** An assisting department reported its part; the case stays in progress. */
	void assistReported(DepartmentId department, Instant now) {
		move(CaseAction.REPORT_ASSIST, clock);
		registerEvent(new CaseAssistReported(id, place.region(), place.grid(), department, now));
	}

	void reportBack(StepClock verifying, Instant now) {
		var handleDue = clock.dueAt();
		move(CaseAction.REPORT_BACK, verifying);
		pendingExtension = null;
		milestones = milestones.reportedBack(now);
		registerEvent(new CaseReportedBack(id, place.region(), place.grid(), leadDepartment, handleDue,
				!now.isAfter(handleDue), verifying.deadline(), now));
	}

	/** 核查: passed closes the case (with the evaluation clock), failed sends it back (with the handling clock). */
	void verify(boolean passed, StepClock next, Instant now) {
		if (passed) {
			allowed(CaseAction.VERIFY_PASS);
			registerEvent(new CaseVerified(id, place.region(), place.grid(), leadDepartment, true, next.deadline(), now));
			close(CaseAction.VERIFY_PASS, ResolvedAt.DEPARTMENT, next, now);
			return;
		}
		move(CaseAction.VERIFY_FAIL, next);
		tally = tally.reworked();
		registerEvent(new CaseVerified(id, place.region(), place.grid(), leadDepartment, false, next.deadline(), now));
	}

	void evaluate(Rating rating, Boolean resolved, EvaluationSource source, Instant now) {
		allowed(CaseAction.EVALUATE);
		if ((rating == Rating.NO_REPLY) != (source == EvaluationSource.NO_REPLY)) {
			throw new RuleViolationException("cases.evaluate.noReply");
		}
		move(CaseAction.EVALUATE, null);
		outcome = outcome.rated(rating, resolved);
		milestones = milestones.evaluated(now);
		registerEvent(new CaseEvaluated(id, place.region(), place.grid(), leadDepartment, rating, resolved, source, now));
	}

	/** 重办: only a case rated dissatisfied or not resolved is handled again. */
	void reopen(StepClock dispatching, Instant now) {
		allowed(CaseAction.REOPEN);
		if (!outcome.unsatisfactory()) {
			throw new RuleViolationException("cases.reopen.satisfied");
		}
		move(CaseAction.REOPEN, dispatching);
		tier = Tier.STREET;
		tally = tally.reopened();
		registerEvent(new CaseReopened(id, place.region(), place.grid(), leadDepartment, dispatching.deadline(), now));
	}

	void voidCase(Instant now) {
		var from = status;
		move(CaseAction.VOID, null);
		registerEvent(new CaseVoided(id, place.region(), place.grid(), from, now));
	}

	/** Refuses an action taken on a version the caller did not see (409 with the current version). */
	void checkVersion(long seen) {
		if (version == null || version != seen) {
			throw new ConflictException("cases.stale", version);
		}
	}

	private void close(CaseAction action, ResolvedAt where, StepClock evaluation, Instant now) {
		move(action, evaluation);
		outcome = Outcome.resolvedAt(where);
		milestones = milestones.closed(now);
		registerEvent(new CaseClosed(id, place.region(), place.grid(), where, leadDepartment, evaluation.deadline(), now));
	}

	private void move(CaseAction action, StepClock next) {
		status = allowed(action);
		clock = next;
	}

	private CaseStatus allowed(CaseAction action) {
		return status.after(action, tier)
			.orElseThrow(() -> new RuleViolationException("cases.transition.refused", CaseLabels.action(action),
					CaseLabels.status(status), CaseLabels.tier(tier)));
	}

	private TimeLimit requirePendingExtension() {
		allowed(CaseAction.APPROVE_EXTENSION);
		if (pendingExtension == null) {
			throw new RuleViolationException("cases.extension.none");
		}
		return pendingExtension;
	}

	private StepDeadline deadline() {
		return clock == null ? null : clock.deadline();
	}

	/** The version a hand-written INSERT or UPDATE wrote ({@link CaseInserts#saveNew}, {@link CaseRowUpdate}). */
	void saved(long newVersion) {
		version = newVersion;
	}

	/**
	 * Hands the events registered since the case was loaded to {@code publish}, in order, and forgets them: as
	 * publishing a copy of {@link #pendingEvents()} and then clearing them did, without the copy (lifecycle24).
	 */
	void publishEvents(Consumer<Object> publish) {
		var pending = (List<Object>) domainEvents();
		for (int i = 0, count = pending.size(); i < count; i++) {
			publish.accept(pending.get(i));
		}
		clearDomainEvents();
	}

	/** The events registered since the case was loaded, published when it is saved. */
	List<Object> pendingEvents() {
		return List.copyOf(domainEvents());
	}

	public CaseId id() {
		return id;
	}

	public Origin origin() {
		return origin;
	}

	public CaseStatus status() {
		return status;
	}

	public Tier tier() {
		return tier;
	}

	public Matter matter() {
		return matter;
	}

	public Place place() {
		return place;
	}

	public DepartmentId leadDepartment() {
		return leadDepartment;
	}

	public CaseId mergedInto() {
		return mergedInto;
	}

	public StepClock clock() {
		return clock;
	}

	public TimeLimit pendingExtension() {
		return pendingExtension;
	}

	public Tally tally() {
		return tally;
	}

	public Milestones milestones() {
		return milestones;
	}

	public Outcome outcome() {
		return outcome;
	}

	public long version() {
		return version == null ? 0 : version;
	}

}
