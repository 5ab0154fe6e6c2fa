package io.grassroots.region.web;

import java.util.List;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.region.PartyLevel;
import io.grassroots.region.PartyOrganisationForm;
import io.grassroots.region.PartyOrganisationId;
import io.grassroots.region.PartyOrganisations;
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
 * The register of street working committees and community party committees: everybody sees those of their scope,
 * administrators found and change them.
 */
@Controller
@RequestMapping("/party-organisations")
class PartyOrganisationController {

	static final int LIMIT = 300;

	private final PartyOrganisations organisations;

	private final Regions regions;

	private final CurrentUser currentUser;

	PartyOrganisationController(PartyOrganisations organisations, Regions regions, CurrentUser currentUser) {
		this.organisations = organisations;
		this.regions = regions;
		this.currentUser = currentUser;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) RegionCode within,
			Model model) {
		var actor = currentUser.actor();
		var root = within == null ? actor.scope().region() : within;
		var region = root.isRoot() ? null : regions.get(root, actor.scope());
		var found = organisations.search(actor.scope(), root, q, LIMIT);
		model.addAttribute("view", new PartyOrganisationListView(found, region, q.strip(), LIMIT,
				actor.has(Role.ADMINISTRATOR)));
		return "region/partyList";
	}

	@GetMapping("/new")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String newOrganisation(@RequestParam(required = false) RegionCode region, Model model) {
		var place = region == null ? null : regions.get(region, currentUser.actor().scope());
		model.addAttribute("view", new PartyOrganisationFormView(null, place, List.of(PartyLevel.values())));
		return "region/partyForm";
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String found(@Valid PartyOrganisationForm form, HtmxRequest htmx, RedirectAttributes redirect) {
		var founded = organisations.found(form);
		return Redirects.withNotice(htmx, redirect, "/party-organisations?within=" + founded.region().value(),
				"region.notice.partyFounded");
	}

	@GetMapping("/{id}/edit")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String edit(@PathVariable PartyOrganisationId id, Model model) {
		var scope = currentUser.actor().scope();
		var organisation = organisations.get(id, scope);
		model.addAttribute("view", new PartyOrganisationFormView(organisation,
				regions.get(organisation.region(), scope), List.of(PartyLevel.values())));
		return "region/partyForm";
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String change(@PathVariable PartyOrganisationId id, @Valid PartyOrganisationForm form, HtmxRequest htmx,
			RedirectAttributes redirect) {
		var changed = organisations.change(id, form);
		return Redirects.withNotice(htmx, redirect, "/party-organisations?within=" + changed.region().value(),
				"region.notice.partyChanged");
	}

}
