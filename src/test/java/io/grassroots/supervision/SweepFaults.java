package io.grassroots.supervision;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.DueCase;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes the deadline sweep fail on chosen cases, for tests of what a failure does to the rest of a page: the
 * notices of a reminder about such a case cannot be written (the reminder's transaction rolls back), and a watcher
 * told about it throws. Harmless until a test arms it; it remembers the changes it was told about meanwhile.
 */
@Component
class SweepFaults implements DeadlineWatcher {

	private final Set<CaseId> failing = ConcurrentHashMap.newKeySet();

	private final List<CaseId> told = new CopyOnWriteArrayList<>();

	void failOn(CaseId id) {
		told.clear();
		failing.add(id);
	}

	void heal() {
		failing.clear();
	}

	/** The cases this watcher was told about (and did not fail on) since it was armed. */
	List<CaseId> told() {
		return List.copyOf(told);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(RemindersSent sent) {
		if (sent.reminders().stream().anyMatch(r -> failing.contains(r.caseId()))) {
			throw new IllegalStateException("a notice cannot be written (test fault)");
		}
	}

	@Override
	public void lightChanged(DueCase change) {
		if (failing.contains(change.id())) {
			throw new IllegalStateException("a watcher failed (test fault)");
		}
		if (!failing.isEmpty()) {
			told.add(change.id());
		}
	}

}
