package io.grassroots.grid.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.shared.web.Redirects;
import io.grassroots.grid.BranchMember;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.grid.GridId;
import io.grassroots.grid.GridKind;
import io.grassroots.grid.GridManagement;
import io.grassroots.grid.GridOverview;
import io.grassroots.grid.HouseholdVisits;
import io.grassroots.grid.ManagementType;
import io.grassroots.grid.TeamMember;
import io.grassroots.grid.TeamRole;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.shared.InvalidInputException;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The grid register and one grid's page with its branch, team and due visits. */
@Controller
class GridController {

	private final GridOverview overview;

	private final GridManagement management;

	private final HouseholdVisits visits;

	private final CurrentUser currentUser;

	GridController(GridOverview overview, GridManagement management, HouseholdVisits visits,
			CurrentUser currentUser) {
		this.overview = overview;
		this.management = management;
		this.visits = visits;
		this.currentUser = currentUser;
	}

	@GetMapping("/grids")
	String list(@RequestParam(required = false) String within, Model model) {
		var root = Scopes.within(currentUser.actor(), within);
		model.addAttribute("view", new GridListView(root.value(), overview.summaries(root)));
		return "grid/gridList";
	}

	@GetMapping("/grids/{id}")
	String page(@PathVariable GridId id, Model model) {
		var details = overview.details(id);
		var actor = currentUser.actor();
		var registers = actor.hasAny(Role.ADMINISTRATOR, Role.COMMUNITY_STAFF, Role.GRID_WORKER)
				&& actor.scope().kind() != io.grassroots.identity.DataScope.Kind.DEPARTMENT;
		var team = details.team().stream()
			.map(m -> m.name() + "," + m.role().name() + (m.unit() == null ? "" : "," + m.unit()))
			.collect(Collectors.joining("\n"));
		var members = details.branchMembers().stream()
			.map(m -> m.name() + (m.inService() ? "*" : ""))
			.collect(Collectors.joining("\n"));
		var roles = Arrays.stream(TeamRole.values()).map(Enum::name).collect(Collectors.joining(", "));
		model.addAttribute("view", new GridPageView(details, registers ? visits.due(id) : List.of(), registers, team,
				members, roles));
		return "grid/gridPage";
	}

	@GetMapping("/grids/{id}/shape")
	ResponseEntity<String> shape(@PathVariable GridId id) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(overview.shape(id));
	}

	@PostMapping("/grids/{id}/shape")
	String reshape(@PathVariable GridId id, @RequestParam String geometry, @RequestParam long version,
			HtmxRequest htmx, RedirectAttributes redirect) {
		management.reshape(id, geometry, CoordinateSystem.WGS84, version);
		return Redirects.withNotice(htmx, redirect, "/grids/" + id, "grid.notice.reshaped");
	}

	@PostMapping("/grids/{id}/describe")
	String describe(@PathVariable GridId id, @RequestParam String name, @RequestParam GridKind kind,
			@RequestParam ManagementType managementType, @RequestParam long version, HtmxRequest htmx,
			RedirectAttributes redirect) {
		management.describe(id, name, kind, managementType, version);
		return Redirects.withNotice(htmx, redirect, "/grids/" + id, "grid.notice.described");
	}

	@PostMapping("/grids/{id}/branch")
	String branch(@PathVariable GridId id, @RequestParam String branchName,
			@RequestParam(required = false) String secretary, @RequestParam(defaultValue = "") String members,
			HtmxRequest htmx, RedirectAttributes redirect) {
		var parsed = lines(members).stream()
			.map(line -> new BranchMember(line.replace("*", "").strip(), line.endsWith("*")))
			.toList();
		management.foundBranch(id, branchName, secretary, parsed);
		return Redirects.withNotice(htmx, redirect, "/grids/" + id, "grid.notice.branch");
	}

	@PostMapping("/grids/{id}/team")
	String team(@PathVariable GridId id, @RequestParam(defaultValue = "") String team, HtmxRequest htmx,
			RedirectAttributes redirect) {
		var members = new ArrayList<TeamMember>();
		var lines = lines(team);
		for (int i = 0; i < lines.size(); i++) {
			var parts = lines.get(i).split("[,，]", 3);
			var role = parts.length < 2 ? null
					: Arrays.stream(TeamRole.values()).filter(r -> r.name().equals(parts[1].strip())).findFirst().orElse(null);
			if (role == null) {
				throw InvalidInputException.of("team:" + (i + 1), "grid.text.required");
			}
			members.add(new TeamMember(parts[0].strip(), role, parts.length > 2 ? parts[2].strip() : null));
		}
		management.staff(id, members);
		return Redirects.withNotice(htmx, redirect, "/grids/" + id, "grid.notice.team");
	}

	private static List<String> lines(String text) {
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

}
