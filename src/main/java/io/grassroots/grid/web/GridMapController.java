package io.grassroots.grid.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.shared.web.Redirects;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.grid.GridForm;
import io.grassroots.grid.GridKind;
import io.grassroots.grid.GridManagement;
import io.grassroots.grid.GridOverview;
import io.grassroots.grid.GridProperties;
import io.grassroots.grid.ManagementType;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The map of the network, its GeoJSON layer, and drawing new grids. */
@Controller
class GridMapController {

	private final GridOverview overview;

	private final GridManagement management;

	private final GridProperties properties;

	private final CurrentUser currentUser;

	GridMapController(GridOverview overview, GridManagement management, GridProperties properties,
			CurrentUser currentUser) {
		this.overview = overview;
		this.management = management;
		this.properties = properties;
		this.currentUser = currentUser;
	}

	@GetMapping("/grids/map")
	String map(@RequestParam(required = false) String within, @RequestParam(defaultValue = "kind") String colour,
			Model model) {
		var actor = currentUser.actor();
		var root = Scopes.within(actor, within);
		var mayDraw = actor.hasAny(Role.ADMINISTRATOR, Role.COMMUNITY_STAFF)
				&& actor.scope().kind() == DataScope.Kind.REGION;
		var by = colour.equals("type") || colour.equals("overdue") ? colour : "kind";
		model.addAttribute("view", new GridMapView(root.value(), "/grids/map/layer?within=" + root.value(),
				properties.tileUrl(), properties.tileAttribution(), by, mayDraw));
		return "grid/gridMap";
	}

	@GetMapping(path = "/grids/map/layer")
	ResponseEntity<String> layer(@RequestParam(required = false) String within) {
		var root = Scopes.within(currentUser.actor(), within);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.body(overview.mapLayer(root));
	}

	@PostMapping("/grids")
	String draw(@RequestParam String community, @RequestParam String name, @RequestParam GridKind kind,
			@RequestParam ManagementType managementType, @RequestParam String geometry, HtmxRequest htmx,
			RedirectAttributes redirect) {
		var grid = management.draw(new GridForm(community, name, kind, managementType, geometry,
				CoordinateSystem.WGS84));
		return Redirects.withNotice(htmx, redirect, "/grids/" + grid.id(), "grid.notice.drawn");
	}

}
