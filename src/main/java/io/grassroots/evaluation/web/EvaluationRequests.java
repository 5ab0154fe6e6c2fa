package io.grassroots.evaluation.web;

import io.grassroots.cases.Rating;

/** The bodies of evaluation's requests (API JSON and console forms). */
final class EvaluationRequests {

	private EvaluationRequests() {
	}

	record Callback(Long version, Rating rating, Boolean resolved, String note) {
	}

	record DepartmentRating(Integer score, String note) {
	}

}
