package io.grassroots.cases;

import java.util.Optional;

/**
 * The states of a case, and the whole state table of CASE-LIFECYCLE.md in one switch: which action leads where,
 * at which tier. A new state without a rule does not compile.
 */
public enum CaseStatus {

	REPORTED, COMMUNITY_HANDLING, FILED, DISPATCHED, IN_PROGRESS, PARKED, REPORTED_BACK, CLOSED, EVALUATED, REJECTED,
	VOID, MERGED;

	/** Where the action leads from this state at this tier, or empty when the state table does not allow it. */
	public Optional<CaseStatus> after(CaseAction action, Tier tier) {
		return Optional.ofNullable(switch (this) {
			case REPORTED -> switch (action) {
				case RESOLVE_ON_SITE -> tier == Tier.GRID ? CLOSED : null;
				case HAND_OVER -> tier == Tier.GRID ? COMMUNITY_HANDLING : null;
				case ESCALATE -> tier == Tier.GRID ? REPORTED : null;
				case ASSIGN_TO_COMMUNITY -> tier == Tier.STREET ? COMMUNITY_HANDLING : null;
				case ASSIGN_TO_GRID -> tier == Tier.STREET ? REPORTED : null;
				case FILE -> tier == Tier.STREET ? FILED : null;
				case REJECT -> tier == Tier.STREET ? REJECTED : null;
				case MERGE -> MERGED;
				case VOID -> VOID;
				default -> null;
			};
			case COMMUNITY_HANDLING -> switch (action) {
				case RESOLVE -> CLOSED;
				case ESCALATE -> REPORTED;
				case VOID -> VOID;
				default -> null;
			};
			case FILED -> switch (action) {
				case DISPATCH -> DISPATCHED;
				case MERGE -> MERGED;
				case VOID -> VOID;
				default -> null;
			};
			case DISPATCHED -> switch (action) {
				case CLAIM -> IN_PROGRESS;
				case RETURN -> FILED;
				case VOID -> VOID;
				default -> null;
			};
			case IN_PROGRESS -> switch (action) {
				case REQUEST_EXTENSION, APPROVE_EXTENSION, DENY_EXTENSION, REPORT_ASSIST -> IN_PROGRESS;
				case PARK -> PARKED;
				case REPORT_BACK -> REPORTED_BACK;
				case VOID -> VOID;
				default -> null;
			};
			case PARKED -> switch (action) {
				case RESTORE -> IN_PROGRESS;
				case VOID -> VOID;
				default -> null;
			};
			case REPORTED_BACK -> switch (action) {
				case VERIFY_PASS -> CLOSED;
				case VERIFY_FAIL -> IN_PROGRESS;
				case VOID -> VOID;
				default -> null;
			};
			case CLOSED -> switch (action) {
				case EVALUATE -> EVALUATED;
				case VOID -> VOID;
				default -> null;
			};
			case EVALUATED -> action == CaseAction.REOPEN ? FILED : null;
			case REJECTED, VOID, MERGED -> null;
		});
	}

	public boolean allows(CaseAction action, Tier tier) {
		return after(action, tier).isPresent();
	}

	/** Final states: nobody acts any more (an evaluated case only by reopening). */
	public boolean isFinal() {
		return this == EVALUATED || this == REJECTED || this == VOID || this == MERGED;
	}

	/** Still being worked on: not closed and not final. */
	public boolean isOpen() {
		return this != CLOSED && !isFinal();
	}

}
