package io.grassroots.region.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.region.DepartmentForm;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.DepartmentKind;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.region.RegionLevel;
import io.grassroots.region.RegionView;
import io.grassroots.region.Regions;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.web.Redirects;
import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register of functional departments: everybody sees those of their scope, administrators add and change them.
 */
@Controller
@RequestMapping("/departments")
class DepartmentController {

	private final Departments departments;

	private final Regions regions;

	private final CurrentUser currentUser;

	DepartmentController(Departments departments, Regions regions, CurrentUser currentUser) {
		this.departments = departments;
		this.regions = regions;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		var actor = currentUser.actor();
		var text = q.strip();
		var found = departments.visible(actor.scope())
			.stream()
			.filter(d -> d.name().contains(text))
			.toList();
		var names = new LinkedHashMap<RegionCode, String>();
		found.stream().map(DepartmentView::region).distinct().forEach(code -> regions.find(code)
			.ifPresent(region -> names.put(code, region.name())));
		model.addAttribute("view", new DepartmentListView(found, names, text, actor.has(Role.ADMINISTRATOR)));
		return "region/departmentList";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String newDepartment(@RequestParam(defaultValue = "") String region, Model model) {
		model.addAttribute("view", new DepartmentFormView(null, region.strip(), List.of(DepartmentKind.values()),
				places()));
		return "region/departmentForm";
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String register(@Valid DepartmentForm form, HtmxRequest htmx, RedirectAttributes redirect) {
		departments.register(form);
		return Redirects.withNotice(htmx, redirect, "/departments", "region.notice.departmentRegistered");
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String edit(@PathVariable DepartmentId id, Model model) {
		var department = departments.get(id, currentUser.actor().scope());
		model.addAttribute("view", new DepartmentFormView(department, department.region().value(),
				List.of(DepartmentKind.values()), List.of()));
		return "region/departmentForm";
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String change(@PathVariable DepartmentId id, @Valid DepartmentForm form, HtmxRequest htmx,
			RedirectAttributes redirect) {
		departments.change(id, form);
		return Redirects.withNotice(htmx, redirect, "/departments", "region.notice.departmentChanged");
	}

	/** The counties and prefectures of the viewer's scope, where departments usually sit. */
	private List<RegionView> places() {
		var root = currentUser.actor().scope().region();
		return Stream.concat(regions.within(root, RegionLevel.PREFECTURE).stream(),
				regions.within(root, RegionLevel.COUNTY).stream())
			.sorted(Comparator.comparing(RegionView::code))
			.toList();
	}

}
