package io.grassroots.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.TimeLimit;
import io.grassroots.region.DepartmentId;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every action in every state and tier, against the state table of CASE-LIFECYCLE.md transcribed here on its own:
 * the allowed ones move the case where the table says, every other one is refused and changes nothing.
 */
class CaseTests {

	static final Instant NOW = Instant.parse("2025-07-07T04:00:00Z");

	static final DepartmentId LEAD = new DepartmentId(UUID.randomUUID());

	/** The table of CASE-LIFECYCLE.md: "state/tier/action" → next state; "*" stands for every tier. */
	static final Map<String, CaseStatus> TABLE = Map.ofEntries(
			Map.entry("REPORTED/GRID/RESOLVE_ON_SITE", CaseStatus.CLOSED),
			Map.entry("REPORTED/GRID/HAND_OVER", CaseStatus.COMMUNITY_HANDLING),
			Map.entry("REPORTED/GRID/ESCALATE", CaseStatus.REPORTED),
			Map.entry("COMMUNITY_HANDLING/*/RESOLVE", CaseStatus.CLOSED),
			Map.entry("COMMUNITY_HANDLING/*/ESCALATE", CaseStatus.REPORTED),
			Map.entry("REPORTED/STREET/ASSIGN_TO_COMMUNITY", CaseStatus.COMMUNITY_HANDLING),
			Map.entry("REPORTED/STREET/ASSIGN_TO_GRID", CaseStatus.REPORTED),
			Map.entry("REPORTED/STREET/FILE", CaseStatus.FILED),
			Map.entry("REPORTED/STREET/REJECT", CaseStatus.REJECTED),
			Map.entry("REPORTED/*/MERGE", CaseStatus.MERGED), Map.entry("FILED/*/MERGE", CaseStatus.MERGED),
			Map.entry("FILED/*/DISPATCH", CaseStatus.DISPATCHED),
			Map.entry("DISPATCHED/*/CLAIM", CaseStatus.IN_PROGRESS),
			Map.entry("DISPATCHED/*/RETURN", CaseStatus.FILED),
			Map.entry("IN_PROGRESS/*/REQUEST_EXTENSION", CaseStatus.IN_PROGRESS),
			Map.entry("IN_PROGRESS/*/APPROVE_EXTENSION", CaseStatus.IN_PROGRESS),
			Map.entry("IN_PROGRESS/*/DENY_EXTENSION", CaseStatus.IN_PROGRESS),
			Map.entry("IN_PROGRESS/*/PARK", CaseStatus.PARKED), Map.entry("PARKED/*/RESTORE", CaseStatus.IN_PROGRESS),
			Map.entry("IN_PROGRESS/*/REPORT_ASSIST", CaseStatus.IN_PROGRESS),
			Map.entry("IN_PROGRESS/*/REPORT_BACK", CaseStatus.REPORTED_BACK),
			Map.entry("REPORTED_BACK/*/VERIFY_PASS", CaseStatus.CLOSED),
			Map.entry("REPORTED_BACK/*/VERIFY_FAIL", CaseStatus.IN_PROGRESS),
			Map.entry("CLOSED/*/EVALUATE", CaseStatus.EVALUATED), Map.entry("EVALUATED/*/REOPEN", CaseStatus.FILED),
			Map.entry("REPORTED/*/VOID", CaseStatus.VOID), Map.entry("COMMUNITY_HANDLING/*/VOID", CaseStatus.VOID),
			Map.entry("FILED/*/VOID", CaseStatus.VOID), Map.entry("DISPATCHED/*/VOID", CaseStatus.VOID),
			Map.entry("IN_PROGRESS/*/VOID", CaseStatus.VOID), Map.entry("PARKED/*/VOID", CaseStatus.VOID),
			Map.entry("REPORTED_BACK/*/VOID", CaseStatus.VOID), Map.entry("CLOSED/*/VOID", CaseStatus.VOID));

	static Stream<Arguments> everyActionInEveryStateAndTier() {
		var all = new ArrayList<Arguments>();
		for (var status : CaseStatus.values()) {
			for (var tier : Tier.values()) {
				for (var action : CaseAction.values()) {
					if (action != CaseAction.REPORT) {
						var expected = TABLE.getOrDefault(status + "/" + tier + "/" + action,
								TABLE.get(status + "/*/" + action));
						all.add(Arguments.of(status, tier, action, expected));
					}
				}
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} at {1}: {2} → {3}")
	@MethodSource("everyActionInEveryStateAndTier")
	void theStateTableDecidesEveryTransition(CaseStatus status, Tier tier, CaseAction action, CaseStatus expected) {
		var subject = caseIn(status, tier, action);
		assertThat(status.after(action, tier).orElse(null)).isEqualTo(expected);
		if (expected == null) {
			assertThatExceptionOfType(RuleViolationException.class).isThrownBy(() -> act(subject, action));
			assertThat(subject.status()).isEqualTo(status);
			assertThat(subject.pendingEvents()).isEmpty();
		}
		else {
			act(subject, action);
			assertThat(subject.status()).isEqualTo(expected);
			assertThat(subject.pendingEvents()).isNotEmpty();
		}
	}

	@Test
	void escalationRaisesTheCaseToTheStreet() {
		var subject = caseIn(CaseStatus.REPORTED, Tier.GRID, CaseAction.ESCALATE);
		subject.escalate(clock(Step.DISPATCH), NOW);
		assertThat(subject.tier()).isEqualTo(Tier.STREET);
		assertThat(subject.pendingEvents()).singleElement().isInstanceOf(CaseEscalated.class);
	}

	@Test
	void claimingInTimeCountsAsOnTimeAndStartsTheHandlingClock() {
		var subject = caseIn(CaseStatus.DISPATCHED, Tier.STREET, CaseAction.CLAIM);
		var handling = clock(Step.HANDLE);
		subject.claim(handling, NOW);
		assertThat(subject.clock()).isEqualTo(handling);
		assertThat(subject.pendingEvents()).singleElement()
			.isInstanceOfSatisfying(CaseClaimed.class, e -> assertThat(e.onTime()).isTrue());
	}

	@Test
	void aReturnClearsTheLeadAndCountsAgainstDispatch() {
		var subject = caseIn(CaseStatus.DISPATCHED, Tier.STREET, CaseAction.RETURN);
		subject.returnOrder(clock(Step.DISPATCH), NOW);
		assertThat(subject.leadDepartment()).isNull();
		assertThat(subject.tally().returnCount()).isEqualTo(1);
		subject.dispatch(LEAD, List.of(), clock(Step.CLAIM), NOW);
		assertThat(subject.pendingEvents()).last()
			.isInstanceOfSatisfying(CaseDispatched.class, e -> assertThat(e.returnsBefore()).isEqualTo(1));
	}

	@Test
	void failedVerificationIsReworkForTheSameDepartment() {
		var subject = caseIn(CaseStatus.REPORTED_BACK, Tier.STREET, CaseAction.VERIFY_FAIL);
		subject.verify(false, clock(Step.HANDLE), NOW);
		assertThat(subject.leadDepartment()).isEqualTo(LEAD);
		assertThat(subject.tally().reworkCount()).isEqualTo(1);
	}

	@Test
	void anExtensionIsAskedForOnlyBeforeTheDeadline() {
		var subject = caseIn(CaseStatus.IN_PROGRESS, Tier.STREET, CaseAction.REQUEST_EXTENSION);
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> subject.requestExtension(TimeLimit.workingDays(2), NOW.plus(Duration.ofDays(30))))
			.satisfies(e -> assertThat(e.messageKey()).isEqualTo("cases.extension.tooLate"));
	}

	@Test
	void aSatisfiedResolvedCaseIsNotReopened() {
		var subject = new Case(CaseId.next(), origin(), CaseStatus.EVALUATED, Tier.STREET, matter(), place(), LEAD,
				null, null, null, Tally.zero(), Milestones.reported(NOW),
				new Outcome(ResolvedAt.DEPARTMENT, Rating.SATISFIED, true), 3L);
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> subject.reopen(clock(Step.DISPATCH), NOW))
			.satisfies(e -> assertThat(e.messageKey()).isEqualTo("cases.reopen.satisfied"));
	}

	@Test
	void aStaleVersionIsAConflict() {
		var subject = caseIn(CaseStatus.FILED, Tier.STREET, CaseAction.DISPATCH);
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> subject.checkVersion(2));
	}

	static void act(Case subject, CaseAction action) {
		switch (action) {
			case RESOLVE_ON_SITE -> subject.resolveOnSite(clock(Step.EVALUATE), NOW);
			case HAND_OVER -> subject.handOverToCommunity(clock(Step.HANDLE), NOW);
			case RESOLVE -> subject.resolve(clock(Step.EVALUATE), NOW);
			case ESCALATE -> subject.escalate(clock(Step.DISPATCH), NOW);
			case ASSIGN_TO_COMMUNITY -> subject.assignDown(Tier.COMMUNITY, clock(Step.HANDLE), NOW);
			case ASSIGN_TO_GRID -> subject.assignDown(Tier.GRID, clock(Step.HANDLE), NOW);
			case FILE -> subject.file(new CategoryKey("CJT214", "E0101"), Urgency.NORMAL, false, NOW);
			case REJECT -> subject.reject(NOW);
			case MERGE -> subject.mergeInto(CaseId.next(), NOW);
			case DISPATCH -> subject.dispatch(LEAD, List.of(), clock(Step.CLAIM), NOW);
			case CLAIM -> subject.claim(clock(Step.HANDLE), NOW);
			case RETURN -> subject.returnOrder(clock(Step.DISPATCH), NOW);
			case REQUEST_EXTENSION -> subject.requestExtension(TimeLimit.workingDays(2), NOW);
			case APPROVE_EXTENSION -> subject.approveExtension(clock(Step.HANDLE), NOW);
			case DENY_EXTENSION -> subject.denyExtension(NOW);
			case PARK -> subject.park(clock(Step.HANDLE), NOW);
			case RESTORE -> subject.restore(clock(Step.HANDLE), NOW);
			case REPORT_ASSIST -> subject.assistReported(LEAD, NOW);
			case REPORT_BACK -> subject.reportBack(clock(Step.VERIFY), NOW);
			case VERIFY_PASS -> subject.verify(true, clock(Step.EVALUATE), NOW);
			case VERIFY_FAIL -> subject.verify(false, clock(Step.HANDLE), NOW);
			case EVALUATE -> subject.evaluate(Rating.SATISFIED, true, EvaluationSource.RESIDENT, NOW);
			case REOPEN -> subject.reopen(clock(Step.DISPATCH), NOW);
			case VOID -> subject.voidCase(NOW);
			case REPORT -> throw new IllegalArgumentException("report makes a new case");
		}
	}

	/** A case in a state, with whatever that action needs besides the state (a pending extension, a bad rating). */
	static Case caseIn(CaseStatus status, Tier tier, CaseAction action) {
		var extension = action == CaseAction.APPROVE_EXTENSION || action == CaseAction.DENY_EXTENSION
				? TimeLimit.workingDays(2) : null;
		var outcome = status == CaseStatus.CLOSED || status == CaseStatus.EVALUATED
				? new Outcome(ResolvedAt.DEPARTMENT, status == CaseStatus.EVALUATED ? Rating.DISSATISFIED : null, false)
				: null;
		return new Case(CaseId.next(), origin(), status, tier, matter(), place(), LEAD, null, clock(Step.HANDLE),
				extension, Tally.zero(), Milestones.reported(NOW.minus(Duration.ofHours(1))), outcome, 3L);
	}

	static StepClock clock(Step step) {
		return new StepClock(step, NOW, NOW.plus(Duration.ofHours(8)), NOW.plus(Duration.ofHours(10)), 36_000L,
				LimitUnit.WORKING_HOURS, null, null);
	}

	static Origin origin() {
		return new Origin("TESTCODE01", null, Channel.PHONE, new Reporter(null, null, null, null, true), false, LEAD,
				null);
	}

	static Matter matter() {
		return new Matter("井盖缺失", "人行道上的井盖不见了", new CategoryKey("CJT214", "P0101"), Urgency.NORMAL, false);
	}

	static Place place() {
		return new Place(RegionCode.of("652301001001"), null, Placement.NAMED_COMMUNITY, 87.3, 44.0, null);
	}

}
