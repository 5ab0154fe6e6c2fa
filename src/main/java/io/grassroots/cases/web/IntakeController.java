package io.grassroots.cases.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.Channel;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.web.Redirects;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.RegionLevel;
import io.grassroots.region.RegionView;
import io.grassroots.region.Regions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff intake: the console form (phone, counter, mailbox …) and the grid worker's phone pages (my tasks, report
 * with photo and location). Every rendered form carries a fresh idempotency key, so re-sending it — a double click,
 * a retry on a weak network — returns the case it already made.
 */
@Controller
class IntakeController {

	private final CaseManagement cases;

	private final CaseQueries queries;

	private final CategoryChoices categories;

	private final Regions regions;

	private final CurrentUser currentUser;

	IntakeController(CaseManagement cases, CaseQueries queries, CategoryChoices categories, Regions regions,
			CurrentUser currentUser) {
		this.cases = cases;
		this.queries = queries;
		this.categories = categories;
		this.regions = regions;
		this.currentUser = currentUser;
	}

	@GetMapping("/cases/new")
	String form(Model model) {
		var actor = currentUser.actor();
		var channels = Arrays.stream(Channel.values())
			.filter(c -> c != Channel.ONLINE && (c != Channel.GRID_REPORT || actor.has(Role.GRID_WORKER)))
			.toList();
		model.addAttribute("view", new IntakePageView("/cases/new", channels, categories.all(), communities(actor),
				UUID.randomUUID().toString()));
		return "cases/intakePage";
	}

	@PostMapping("/cases/new")
	String report(@ModelAttribute IntakeForm form, BindingResult binding,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, HtmxRequest htmx,
			RedirectAttributes attributes) {
		Binding.check(binding);
		var summary = cases.report(currentUser.actor(), form.request().intake(form.key(), Uploads.of(photos)));
		return Redirects.withNotice(htmx, attributes, "/cases/" + summary.id(),
				summary.created() ? "cases.notice.reported" : "cases.notice.alreadyReported");
	}

	@GetMapping("/m/tasks")
	String tasks(Model model) {
		var actor = currentUser.actor();
		model.addAttribute("view", new MobileTasksView(queries.list(actor, Queue.GRID_TASKS.filter(), 100),
				queries.list(actor, Queue.TO_VERIFY.filter(), 100)));
		return "cases/mobileTasks";
	}

	@GetMapping("/m/report")
	String mobileForm(Model model) {
		model.addAttribute("view", new IntakePageView("/cases/new", List.of(Channel.GRID_REPORT),
				categories.leaves("CJT214"), List.of(), UUID.randomUUID().toString()));
		return "cases/mobileReport";
	}

	private List<RegionView> communities(Actor actor) {
		var scope = actor.scope();
		if (scope.kind() != DataScope.Kind.REGION) {
			return List.of();
		}
		return scope.region().depth() == 5 ? regions.find(scope.region()).map(List::of).orElse(List.of())
				: regions.within(scope.region(), RegionLevel.COMMUNITY).stream().limit(2_000).toList();
	}


}
