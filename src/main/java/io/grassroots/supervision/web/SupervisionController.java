package io.grassroots.supervision.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseManagement;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.region.Departments;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.web.Redirects;
import io.grassroots.supervision.SupervisionManagement;
import io.grassroots.supervision.SupervisionOrderId;
import io.grassroots.supervision.SupervisionQueries;
import io.grassroots.supervision.WhistleId;
import io.grassroots.supervision.WhistleOrders;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console of supervision: the supervisor's board (lit cases, orders, cards, whistles, cases to reopen) with its
 * actions, and a department's own view (answer orders, report in), which also works on a phone.
 */
@Controller
class SupervisionController {

	private static final String BOARD = "/supervision";

	private static final String DEPARTMENT = "/supervision/department";

	private final SupervisionManagement supervision;

	private final WhistleOrders whistles;

	private final SupervisionQueries queries;

	private final CaseManagement cases;

	private final Departments departments;

	private final CurrentUser currentUser;

	SupervisionController(SupervisionManagement supervision, WhistleOrders whistles, SupervisionQueries queries,
			CaseManagement cases, Departments departments, CurrentUser currentUser) {
		this.supervision = supervision;
		this.whistles = whistles;
		this.queries = queries;
		this.cases = cases;
		this.departments = departments;
		this.currentUser = currentUser;
	}

	@GetMapping(BOARD)
	String board(Model model) {
		var actor = currentUser.actor();
		model.addAttribute("view", new BoardView(queries.board(actor), departments.visible(actor.scope()),
				actor.has(Role.SUPERVISOR)));
		return "supervision/board";
	}

	@GetMapping(DEPARTMENT)
	String department(Model model) {
		model.addAttribute("view", new DepartmentSupervisionView(queries.department(currentUser.actor())));
		return "supervision/department";
	}

	@PostMapping(BOARD + "/cases/{id}/reminders")
	String remind(@PathVariable CaseId id, @ModelAttribute SupervisionRequests.Reminder form, BindingResult binding,
			HtmxRequest htmx, RedirectAttributes attributes) {
		check(binding);
		supervision.remind(currentUser.actor(), id, form.note());
		return Redirects.withNotice(htmx, attributes, BOARD, "supervision.notice.reminded");
	}

	@PostMapping(BOARD + "/cases/{id}/orders")
	String supervise(@PathVariable CaseId id, @ModelAttribute SupervisionRequests.Order form, BindingResult binding,
			HtmxRequest htmx, RedirectAttributes attributes) {
		check(binding);
		supervision.supervise(currentUser.actor(), id, form.workingDays(), form.note());
		return Redirects.withNotice(htmx, attributes, BOARD, "supervision.notice.supervised");
	}

	@PostMapping(BOARD + "/cards")
	String card(@ModelAttribute SupervisionRequests.Card form, BindingResult binding, HtmxRequest htmx,
			RedirectAttributes attributes) {
		check(binding);
		supervision.card(currentUser.actor(), form.departmentId(), form.kind(), form.subject(), form.note());
		return Redirects.withNotice(htmx, attributes, BOARD, "supervision.notice.carded");
	}

	@PostMapping(BOARD + "/whistles")
	String whistle(@ModelAttribute SupervisionRequests.Whistle form, BindingResult binding, HtmxRequest htmx,
			RedirectAttributes attributes) {
		check(binding);
		whistles.whistle(currentUser.actor(), form.request());
		return Redirects.withNotice(htmx, attributes, BOARD, "supervision.notice.whistled");
	}

	@PostMapping(BOARD + "/cases/{id}/reopen")
	String reopen(@PathVariable CaseId id, @ModelAttribute SupervisionRequests.Reopen form, BindingResult binding,
			HtmxRequest htmx, RedirectAttributes attributes) {
		check(binding);
		if (form.version() == null) {
			throw InvalidInputException.of("version", "supervision.input.required", "version");
		}
		cases.reopen(currentUser.actor(), id, form.version(), form.reason());
		return Redirects.withNotice(htmx, attributes, BOARD, "supervision.notice.reopened");
	}

	@PostMapping(BOARD + "/orders/{id}/answer")
	String answer(@PathVariable SupervisionOrderId id, @ModelAttribute SupervisionRequests.Answer form,
			BindingResult binding, HtmxRequest htmx, RedirectAttributes attributes) {
		check(binding);
		supervision.answer(currentUser.actor(), id, form.answer());
		return Redirects.withNotice(htmx, attributes, DEPARTMENT, "supervision.notice.answered");
	}

	@PostMapping(BOARD + "/whistles/{id}/report-in")
	String reportIn(@PathVariable WhistleId id, @ModelAttribute SupervisionRequests.ReportIn form,
			BindingResult binding, HtmxRequest htmx, RedirectAttributes attributes) {
		check(binding);
		whistles.reportIn(currentUser.actor(), id, form.note());
		return Redirects.withNotice(htmx, attributes, DEPARTMENT, "supervision.notice.reportedIn");
	}

	private static void check(BindingResult binding) {
		if (binding.hasErrors()) {
			throw new InvalidInputException("problem.invalidInput", binding.getFieldErrors()
				.stream()
				.map(e -> new InvalidInputException.Violation(e.getField(), "problem.badField", e.getField()))
				.toList());
		}
	}

}
