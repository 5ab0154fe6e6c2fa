package io.grassroots.cases;

import java.time.Instant;
import java.util.UUID;

import io.grassroots.shared.RegionCode;

/**
 * What happened to a case, published after every transition (in the same transaction as the change and its
 * history). Every event names the case, its region (community or street, 12 digits) and grid, and when it happened;
 * events that start or move a clock carry the new {@link StepDeadline}.
 */
public sealed interface CaseEvent permits CaseReported,
		CaseHandedOver,
		CaseEscalated,
		CaseAssignedDown,
		CaseFiled,
		CaseRejected,
		CaseMerged,
		CaseDispatched,
		CaseClaimed,
		CaseReturned,
		CaseExtensionRequested,
		CaseExtensionDecided,
		CaseParked,
		CaseRestored,
		CaseAssistReported,
		CaseReportedBack,
		CaseVerified,
		CaseClosed,
		CaseEvaluated,
		CaseReopened,
		CaseVoided {

	CaseId caseId();

	RegionCode region();

	UUID grid();

	Instant at();

}
