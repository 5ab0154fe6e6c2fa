package io.grassroots.cases.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.cases.Categories;
import io.grassroots.cases.CategoryStandard;
import io.grassroots.cases.TimeLimits;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.web.Redirects;

import org.springframework.security.access.prepost.PreAuthorize;
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

/** Administration of the category standards and of the time-limit table. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CaseAdminController {

	private final Categories categories;

	private final TimeLimits limits;

	private final CurrentUser currentUser;

	CaseAdminController(Categories categories, TimeLimits limits, CurrentUser currentUser) {
		this.categories = categories;
		this.limits = limits;
		this.currentUser = currentUser;
	}

	@GetMapping("/admin/categories")
	String categories(@RequestParam(required = false) String standard, Model model) {
		administrator();
		var standards = categories.standards();
		var shown = standard != null && standards.stream().anyMatch(s -> s.code().equals(standard)) ? standard
				: standards.stream().map(CategoryStandard::code).findFirst().orElse("");
		model.addAttribute("view", new CategoriesAdminView(standards, shown, categories.of(shown)));
		return "cases/categoriesAdmin";
	}

	@PostMapping("/admin/categories/import")
	String importCategories(@RequestParam String standard, @RequestParam String title,
			@RequestParam(required = false) MultipartFile file, HtmxRequest htmx, RedirectAttributes attributes)
			throws IOException {
		imported(categories.importStandard(currentUser.actor(), standard.strip(), title, file == null ? ""
				: file.getOriginalFilename(), file == null ? new byte[0] : file.getBytes()));
		return Redirects.withNotice(htmx, attributes, "/admin/categories?standard=" + standard.strip(),
				"cases.notice.imported");
	}

	@GetMapping("/admin/time-limits")
	String timeLimits(Model model) {
		administrator();
		model.addAttribute("view", new TimeLimitsAdminView(limits.rules()));
		return "cases/timeLimitsAdmin";
	}

	@PostMapping("/admin/time-limits")
	String saveTimeLimit(@RequestParam(required = false) UUID id, @ModelAttribute TimeLimitForm form,
			BindingResult binding, HtmxRequest htmx, RedirectAttributes attributes) {
		Binding.check(binding);
		limits.save(currentUser.actor(), form.rule(id));
		return Redirects.withNotice(htmx, attributes, "/admin/time-limits", "cases.notice.saved");
	}

	@PostMapping("/admin/time-limits/{id}/remove")
	String removeTimeLimit(@PathVariable UUID id, HtmxRequest htmx, RedirectAttributes attributes) {
		limits.remove(currentUser.actor(), id);
		return Redirects.withNotice(htmx, attributes, "/admin/time-limits", "cases.notice.removed");
	}

	private void administrator() {
		if (!currentUser.actor().has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("problem.forbidden");
		}
	}

	/** Passes a clean report through; a refused one becomes a 400 that lists every problem. */
	static ImportReport imported(ImportReport report) {
		if (!report.ok()) {
			throw new InvalidInputException("cases.category.import.refused", report.refused()
				.stream()
				.map(p -> new InvalidInputException.Violation(p.source() + ":" + p.line()
						+ (p.column().isEmpty() ? "" : ":" + p.column()), p.messageKey(), p.arguments().toArray()))
				.toList(), report.refused().size());
		}
		return report;
	}


}
