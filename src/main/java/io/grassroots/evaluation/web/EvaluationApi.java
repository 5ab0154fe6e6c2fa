package io.grassroots.evaluation.web;

import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseSummary;
import io.grassroots.evaluation.EvaluationManagement;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Evaluation over the REST API: staff callbacks and the street's rating of the department. */
@RestController
class EvaluationApi {

	private final EvaluationManagement evaluations;

	private final CurrentUser currentUser;

	EvaluationApi(EvaluationManagement evaluations, CurrentUser currentUser) {
		this.evaluations = evaluations;
		this.currentUser = currentUser;
	}

	@PostMapping(path = "/api/evaluation/cases/{id}/callback", consumes = MediaType.APPLICATION_JSON_VALUE)
	CaseSummary callback(@PathVariable CaseId id, @RequestBody EvaluationRequests.Callback request) {
		var body = body(request);
		return evaluations.callback(currentUser.actor(), id, body.version(), body.rating(), body.resolved(), body.note());
	}

	@PostMapping(path = "/api/evaluation/cases/{id}/department-rating", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void rateDepartment(@PathVariable CaseId id, @RequestBody EvaluationRequests.DepartmentRating request) {
		var body = body(request);
		evaluations.rateDepartment(currentUser.actor(), id, body.score(), body.note());
	}

	private static <T> T body(T request) {
		if (request == null) {
			throw InvalidInputException.of("body", "evaluation.required", "body");
		}
		return request;
	}

}
