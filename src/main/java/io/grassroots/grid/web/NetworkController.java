package io.grassroots.grid.web;

import java.util.EnumMap;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.shared.web.Redirects;
import io.grassroots.grid.GridOverview;
import io.grassroots.grid.GridSummary;
import io.grassroots.grid.HouseholdTag;
import io.grassroots.grid.ManagementStandard;
import io.grassroots.grid.ManagementType;
import io.grassroots.grid.NetworkCheck;
import io.grassroots.grid.Standards;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The views of the network as a whole: gaps and overlaps, branch coverage, standards. */
@Controller
class NetworkController {

	private final NetworkCheck check;

	private final GridOverview overview;

	private final Standards standards;

	private final CurrentUser currentUser;

	NetworkController(NetworkCheck check, GridOverview overview, Standards standards, CurrentUser currentUser) {
		this.check = check;
		this.overview = overview;
		this.standards = standards;
		this.currentUser = currentUser;
	}

	@GetMapping("/grids/network")
	String network(@RequestParam(required = false) String community, Model model) {
		var report = community == null || community.isBlank() ? null : check.check(code(community));
		model.addAttribute("view", new GridNetworkView(community == null ? "" : community.strip(), report));
		return "grid/gridNetwork";
	}

	@GetMapping("/grids/coverage")
	String coverage(@RequestParam(required = false) String within, Model model) {
		var root = Scopes.within(currentUser.actor(), within);
		var summaries = overview.summaries(root);
		model.addAttribute("view", new GridCoverageView(root.value(),
				summaries.stream().filter(s -> !s.hasBranch() || !s.hasSecretary()).toList(),
				summaries.stream().filter(GridSummary::belowStandard).toList()));
		return "grid/gridCoverage";
	}

	@GetMapping("/grids/standards")
	String standards(Model model) {
		model.addAttribute("view",
				new GridStandardsView(standards.all(), currentUser.actor().has(Role.ADMINISTRATOR)));
		return "grid/gridStandards";
	}

	@PostMapping("/grids/standards/{type}")
	String change(@PathVariable ManagementType type, @RequestParam int patrolsPerMonth,
			@RequestParam int staffRequired, @RequestParam long version,
			@RequestParam MultiValueMap<String, String> form, HtmxRequest htmx, RedirectAttributes redirect) {
		var intervals = new EnumMap<HouseholdTag, Integer>(HouseholdTag.class);
		for (var tag : HouseholdTag.values()) {
			var value = form.getFirst("interval." + tag.name());
			if (value != null && !value.isBlank()) {
				try {
					intervals.put(tag, Integer.parseInt(value.strip()));
				}
				catch (NumberFormatException e) {
					throw InvalidInputException.of("interval." + tag.name(), "grid.standard.outOfRange", 1, 366);
				}
			}
		}
		standards.change(new ManagementStandard(type, patrolsPerMonth, staffRequired, intervals, version));
		return Redirects.withNotice(htmx, redirect, "/grids/standards", "grid.notice.standard");
	}

	private static RegionCode code(String community) {
		if (!RegionCode.isValid(community.strip())) {
			throw InvalidInputException.of("community", "grid.community.badCode", community);
		}
		return RegionCode.of(community.strip());
	}

}
