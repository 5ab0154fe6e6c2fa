package io.grassroots.cases.web;

import java.util.List;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseAction;
import io.grassroots.cases.CaseQueries;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.web.Redirects;
import io.grassroots.region.Departments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page: details, map, photos, the timeline from the audit chain, and forms for exactly the actions the
 * viewer may take; each form posts to {@code /cases/{id}/actions/<action>}.
 */
@Controller
class CaseController {

	private final CaseQueries queries;

	private final CaseCommands commands;

	private final Departments departments;

	private final CategoryChoices categories;

	private final CurrentUser currentUser;

	CaseController(CaseQueries queries, CaseCommands commands, Departments departments, CategoryChoices categories,
			CurrentUser currentUser) {
		this.queries = queries;
		this.commands = commands;
		this.departments = departments;
		this.categories = categories;
		this.currentUser = currentUser;
	}

	@GetMapping("/cases/{id}")
	String page(@PathVariable CaseId id, Model model) {
		model.addAttribute("view", view(currentUser.actor(), id));
		return "cases/casePage";
	}

	/** The case page as {@code actor} sees it; also what {@link QueueRehearsal} renders before ready. */
	CasePageView view(Actor actor, CaseId id) {
		var view = queries.view(actor, id);
		// Only the forms shown need their choices: the departments for dispatching, the categories for filing.
		var serving = view.actions().contains(CaseAction.DISPATCH) ? departments.serving(view.summary().region())
				: List.<io.grassroots.region.DepartmentView>of();
		var choices = view.actions().contains(CaseAction.FILE) ? categories.all() : List.<CategoryOption>of();
		return new CasePageView(view, serving, choices);
	}

	@PostMapping("/cases/{id}/actions/{action}")
	String act(@PathVariable CaseId id, @PathVariable String action, @ModelAttribute ActionRequest request,
			BindingResult binding, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			HtmxRequest htmx, RedirectAttributes attributes) {
		Binding.check(binding);
		commands.run(currentUser.actor(), id, action, request, Uploads.of(photos));
		return Redirects.withNotice(htmx, attributes, "/cases/" + id, "cases.notice.done");
	}

	@GetMapping("/cases/{id}/attachments/{attachment}")
	ResponseEntity<byte[]> attachment(@PathVariable CaseId id, @PathVariable UUID attachment) {
		return Photos.response(queries.attachment(currentUser.actor(), id, attachment));
	}

}
