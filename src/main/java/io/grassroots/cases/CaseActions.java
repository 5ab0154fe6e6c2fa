package io.grassroots.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import io.grassroots.identity.Actor;

import org.springframework.stereotype.Component;

/**
 * The actions a viewer may take on a case now: allowed by the state table at the case's tier, by the viewer's role,
 * scope and assignment, and by the step's own conditions (a pending extension, every assisting part reported …).
 */
@Component
class CaseActions {

	private final CaseAccess access;

	CaseActions(CaseAccess access) {
		this.access = access;
	}

	Set<CaseAction> available(Actor actor, Case subject, Supplier<List<AssistStore.Part>> assists, Instant now) {
		var actions = EnumSet.noneOf(CaseAction.class);
		for (var action : CaseAction.values()) {
			if (action != CaseAction.REPORT && subject.status().allows(action, subject.tier())
					&& permitted(actor, subject, action, assists) && ready(actor, subject, action, assists, now)) {
				actions.add(action);
			}
		}
		return actions;
	}

	private boolean permitted(Actor actor, Case subject, CaseAction action, Supplier<List<AssistStore.Part>> assists) {
		return !actor.isSystem() && access.permits(actor, subject, action, assists);
	}

	private static boolean ready(Actor actor, Case subject, CaseAction action, Supplier<List<AssistStore.Part>> assists,
			Instant now) {
		return switch (action) {
			case REQUEST_EXTENSION -> subject.pendingExtension() == null && subject.clock() != null
					&& subject.clock().dueAt() != null && now.isBefore(subject.clock().dueAt());
			case APPROVE_EXTENSION, DENY_EXTENSION -> subject.pendingExtension() != null;
			case REPORT_BACK -> assists.get().stream().allMatch(p -> p.reportedAt() != null);
			case REPORT_ASSIST -> assists.get().stream()
				.anyMatch(p -> p.department().id().equals(actor.scope().department()) && p.reportedAt() == null);
			case REOPEN -> subject.outcome() != null && subject.outcome().unsatisfactory();
			default -> true;
		};
	}

}
