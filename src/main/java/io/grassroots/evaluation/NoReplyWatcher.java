package io.grassroots.evaluation;

import io.grassroots.cases.DueCase;
import io.grassroots.cases.Step;
import io.grassroots.cases.TrafficLight;
import io.grassroots.supervision.DeadlineWatcher;

import org.springframework.stereotype.Component;

/** When the deadline sweep sees an evaluation window run out, the case is evaluated as «no reply» (once). */
@Component
class NoReplyWatcher implements DeadlineWatcher {

	private final EvaluationManagement evaluations;

	NoReplyWatcher(EvaluationManagement evaluations) {
		this.evaluations = evaluations;
	}

	@Override
	public void lightChanged(DueCase change) {
		if (change.step() == Step.EVALUATE && change.turns() == TrafficLight.RED) {
			evaluations.noReply(change.id(), change.dueAt());
		}
	}

}
