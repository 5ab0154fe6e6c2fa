package io.grassroots.evaluation.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.cases.CaseFilter;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseStatus;
import io.grassroots.evaluation.EvaluationManagement;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.web.Redirects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The street's evaluation page: record callbacks for closed cases and rate the departments that handled them. */
@Controller
class EvaluationController {

	private static final String PAGE = "/evaluation";

	private final EvaluationManagement evaluations;

	private final CaseQueries cases;

	private final CurrentUser currentUser;

	EvaluationController(EvaluationManagement evaluations, CaseQueries cases, CurrentUser currentUser) {
		this.evaluations = evaluations;
		this.cases = cases;
		this.currentUser = currentUser;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		model.addAttribute("view", new EvaluationPageView(cases.list(currentUser.actor(),
				CaseFilter.of(CaseStatus.CLOSED, CaseStatus.EVALUATED), 100)));
		return "evaluation/evaluationPage";
	}

	@PostMapping(PAGE + "/cases/{id}/callback")
	String callback(@PathVariable CaseId id, @ModelAttribute EvaluationRequests.Callback form, BindingResult binding,
			HtmxRequest htmx, RedirectAttributes attributes) {
		check(binding);
		evaluations.callback(currentUser.actor(), id, form.version(), form.rating(), form.resolved(), form.note());
		return Redirects.withNotice(htmx, attributes, PAGE, "evaluation.notice.callback");
	}

	@PostMapping(PAGE + "/cases/{id}/department-rating")
	String rate(@PathVariable CaseId id, @ModelAttribute EvaluationRequests.DepartmentRating form,
			BindingResult binding, HtmxRequest htmx, RedirectAttributes attributes) {
		check(binding);
		evaluations.rateDepartment(currentUser.actor(), id, form.score(), form.note());
		return Redirects.withNotice(htmx, attributes, PAGE, "evaluation.notice.rated");
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
