package io.grassroots.supervision.web;

import io.grassroots.cases.CaseId;
import io.grassroots.identity.CurrentUser;
import io.grassroots.supervision.SupervisionManagement;
import io.grassroots.supervision.SupervisionOrderId;
import io.grassroots.supervision.SupervisionQueries;
import io.grassroots.supervision.SupervisionRows;
import io.grassroots.supervision.WhistleId;
import io.grassroots.supervision.WhistleOrders;
import io.grassroots.shared.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervision over the REST API: the board and a department's view, manual reminders, supervision orders and cards,
 * answers to orders, whistle orders and report-ins.
 */
@RestController
class SupervisionApi {

	private final SupervisionManagement supervision;

	private final WhistleOrders whistles;

	private final SupervisionQueries queries;

	private final CurrentUser currentUser;

	SupervisionApi(SupervisionManagement supervision, WhistleOrders whistles, SupervisionQueries queries,
			CurrentUser currentUser) {
		this.supervision = supervision;
		this.whistles = whistles;
		this.queries = queries;
		this.currentUser = currentUser;
	}

	@GetMapping("/api/supervision/board")
	SupervisionRows.Board board() {
		return queries.board(currentUser.actor());
	}

	@GetMapping("/api/supervision/department")
	SupervisionRows.DepartmentView department() {
		return queries.department(currentUser.actor());
	}

	@PostMapping(path = "/api/supervision/cases/{id}/reminders", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	SupervisionRequests.Made remind(@PathVariable CaseId id, @RequestBody SupervisionRequests.Reminder request) {
		return made(supervision.remind(currentUser.actor(), id, body(request).note()));
	}

	@PostMapping(path = "/api/supervision/cases/{id}/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	SupervisionRequests.Made supervise(@PathVariable CaseId id, @RequestBody SupervisionRequests.Order request) {
		return made(supervision.supervise(currentUser.actor(), id, body(request).workingDays(), request.note()));
	}

	@PostMapping(path = "/api/supervision/cards", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	SupervisionRequests.Made card(@RequestBody SupervisionRequests.Card request) {
		var card = body(request);
		return made(supervision.card(currentUser.actor(), card.departmentId(), card.kind(), card.subject(), card.note()));
	}

	@PostMapping(path = "/api/supervision/orders/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void answer(@PathVariable SupervisionOrderId id, @RequestBody SupervisionRequests.Answer request) {
		supervision.answer(currentUser.actor(), id, body(request).answer());
	}

	@PostMapping(path = "/api/supervision/whistles", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	SupervisionRequests.Made whistle(@RequestBody SupervisionRequests.Whistle request) {
		return made(whistles.whistle(currentUser.actor(), body(request).request()));
	}

	@PostMapping(path = "/api/supervision/whistles/{id}/report-in", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reportIn(@PathVariable WhistleId id, @RequestBody SupervisionRequests.ReportIn request) {
		whistles.reportIn(currentUser.actor(), id, body(request).note());
	}

	private static <T> T body(T request) {
		if (request == null) {
			throw InvalidInputException.of("body", "supervision.input.required", "body");
		}
		return request;
	}

	private static SupervisionRequests.Made made(Object id) {
		return new SupervisionRequests.Made(id.toString());
	}

}
