package io.grassroots.region.web;

import java.util.List;
import java.util.stream.Stream;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.region.Departments;
import io.grassroots.region.PartyOrganisations;
import io.grassroots.region.RegionView;
import io.grassroots.region.Regions;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region tree browser of the console: only the part of the tree the viewer's scope covers.
 */
@Controller
class RegionController {

	static final int SEARCH_LIMIT = 100;

	private final Regions regions;

	private final Departments departments;

	private final PartyOrganisations parties;

	private final CurrentUser currentUser;

	RegionController(Regions regions, Departments departments, PartyOrganisations parties, CurrentUser currentUser) {
		this.regions = regions;
		this.departments = departments;
		this.parties = parties;
		this.currentUser = currentUser;
	}

	@GetMapping("/regions")
	String tree(@RequestParam(required = false) String q, Model model) {
		var scope = currentUser.actor().scope();
		var query = q == null ? "" : q.strip();
		var results = query.isEmpty() ? List.<RegionView>of() : regions.search(query, scope, SEARCH_LIMIT);
		model.addAttribute("view", new RegionTreeView(regions.roots(scope), query, results, SEARCH_LIMIT));
		return "region/regionTree";
	}

	@HxRequest
	@GetMapping("/regions/{code}/children")
	String children(@PathVariable RegionCode code, Model model) {
		model.addAttribute("view", new RegionChildrenView(regions.children(code, currentUser.actor().scope())));
		return "region/regionChildren";
	}

	@GetMapping("/regions/{code}")
	String region(@PathVariable RegionCode code, Model model) {
		var scope = currentUser.actor().scope();
		var region = regions.get(code, scope);
		var children = regions.children(code);
		var serving = scope.kind() == DataScope.Kind.DEPARTMENT ? departments.visible(scope) : departments.serving(code);
		var places = Stream.concat(Stream.of(code), children.stream().map(RegionView::code)).toList();
		model.addAttribute("view", new RegionPageView(region, regions.path(code, scope), children, serving,
				parties.of(places), currentUser.actor().has(Role.ADMINISTRATOR)));
		return "region/regionPage";
	}

}
