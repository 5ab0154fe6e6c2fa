package io.grassroots.region;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.DataScope;
import io.grassroots.identity.Role;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of street working committees and community party committees.
 */
@Service
@Transactional
public class PartyOrganisations {

	private final PartyOrganisationRepository organisations;

	private final Regions regions;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	PartyOrganisations(PartyOrganisationRepository organisations, Regions regions, CurrentUser currentUser,
			AuditTrail audit) {
		this.organisations = organisations;
		this.regions = regions;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<PartyOrganisationView> visible(DataScope scope) {
		return organisations.findInSubtree(scope.region().subtreeFrom(), scope.region().subtreeTo())
			.stream()
			.map(PartyOrganisation::view)
			.toList();
	}

	/**
	 * The organisations inside the scope and below {@code within} whose name contains the text, at most
	 * {@code limit}; 403 when {@code within} lies outside the scope.
	 */
	@Transactional(readOnly = true)
	public List<PartyOrganisationView> search(DataScope scope, RegionCode within, String text, int limit) {
		if (!scope.coversRegion(within)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		var pattern = "%" + (text == null ? "" : text.strip().replace("%", "").replace("_", "")) + "%";
		return organisations.search(within.subtreeFrom(), within.subtreeTo(), pattern, limit)
			.stream()
			.map(PartyOrganisation::view)
			.toList();
	}

	/** The organisations of exactly these regions (a street's working committee, its communities' committees). */
	@Transactional(readOnly = true)
	public List<PartyOrganisationView> of(Collection<RegionCode> regions) {
		if (regions.isEmpty()) {
			return List.of();
		}
		return organisations.findByRegionInOrderByRegionAscNameAsc(regions)
			.stream()
			.map(PartyOrganisation::view)
			.toList();
	}

	/** One organisation inside the scope: 404 when it does not exist, 403 when it lies outside. */
	@Transactional(readOnly = true)
	public PartyOrganisationView get(PartyOrganisationId id, DataScope scope) {
		var organisation = organisations.findById(id)
			.orElseThrow(() -> new NotFoundException("region.party.notFound", id));
		if (!scope.coversRegion(organisation.region())) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return organisation.view();
	}

	public PartyOrganisationView found(PartyOrganisationForm form) {
		var region = checkedRegion(form);
		if (organisations.existsByRegionAndName(region, form.name().strip())) {
			throw new ConflictException("region.party.nameTaken", form.name());
		}
		var organisation = organisations.save(PartyOrganisation.found(region, form.level(), form.name().strip(),
				blankToNull(form.secretary()), form.memberCount()));
		record(organisation.view(), "party.founded");
		return organisation.view();
	}

	public PartyOrganisationView change(PartyOrganisationId id, PartyOrganisationForm form) {
		checkedRegion(form);
		var organisation = organisations.findById(id)
			.orElseThrow(() -> new NotFoundException("region.party.notFound", id));
		if (!currentUser.actor().scope().coversRegion(organisation.region())) {
			throw new ForbiddenException("problem.outsideScope");
		}
		if (form.version() == null || !form.version().equals(organisation.version())) {
			throw new ConflictException("problem.staleVersion");
		}
		organisation.describe(form.name().strip(), blankToNull(form.secretary()), form.memberCount());
		organisation = organisations.save(organisation);
		record(organisation.view(), "party.changed");
		return organisation.view();
	}

	private RegionCode checkedRegion(PartyOrganisationForm form) {
		var actor = currentUser.actor();
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("problem.forbidden");
		}
		var region = RegionCode.of(form.region());
		var view = regions.find(region).orElseThrow(() -> InvalidInputException.of("region", "region.notFound", region));
		if (!actor.scope().coversRegion(region)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		var expected = form.level() == PartyLevel.STREET_WORKING_COMMITTEE ? RegionLevel.STREET : RegionLevel.COMMUNITY;
		if (view.level() != expected) {
			throw InvalidInputException.of("level", "region.party.levelMismatch");
		}
		return region;
	}

	private void record(PartyOrganisationView organisation, String action) {
		var actor = currentUser.actor();
		audit.record(new AuditRecord("party/" + organisation.id(), action, actor.id().toString(), actor.displayName(),
				Map.of("region", organisation.region().value(), "name", organisation.name(), "level",
						organisation.level().name())));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
