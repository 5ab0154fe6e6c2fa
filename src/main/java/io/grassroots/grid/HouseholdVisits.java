package io.grassroots.grid;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.DataScope;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Household visits: recording them (with a photo, and findings handed on as cases), and the visits due and overdue
 * from the management type's standards and each household's tags.
 */
@Service
@Transactional
public class HouseholdVisits {

	static final int REGION_LIMIT = 200;

	private final VisitRepository visits;

	private final HouseholdRepository households;

	private final Households registers;

	private final VisitSchedule schedule;

	private final Photos photos;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	HouseholdVisits(VisitRepository visits, HouseholdRepository households, Households registers,
			VisitSchedule schedule, Photos photos, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.visits = visits;
		this.households = households;
		this.registers = registers;
		this.schedule = schedule;
		this.photos = photos;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public VisitView record(HouseholdId id, VisitForm form, byte[] photo) {
		var actor = currentUser.actor();
		var household = households.findById(id).orElseThrow(() -> new NotFoundException("grid.household.notFound", id));
		GridAccess.checkRegisters(actor, household.grid(), household.community());
		var now = clock.instant();
		var at = form.visitedAt() == null ? now : form.visitedAt().atZone(clock.getZone()).toInstant();
		if (at.isAfter(now.plusSeconds(300))) {
			throw InvalidInputException.of("visitedAt", "grid.visit.inFuture");
		}
		var findings = Texts.optional("findings", form.findings(), 2000);
		var place = Texts.optional("place", form.place(), 200);
		if (form.reportAsCase() && findings == null) {
			throw InvalidInputException.of("findings", "grid.visit.nothingToReport");
		}
		UUID photoId = photo == null || photo.length == 0 ? null : photos.store(photo, now);
		var visit = visits.save(HouseholdVisit.record(household, actor.id().toString(), actor.displayName(), at, place,
				findings, form.reportAsCase(), photoId));
		audit.record(new AuditRecord("household/" + id, "household.visited", actor.id().toString(),
				actor.displayName(), Map.of("visit", visit.view().id().toString(), "reported", form.reportAsCase())));
		return visit.view();
	}

	@Transactional(readOnly = true)
	public List<VisitView> ofHousehold(HouseholdId id) {
		registers.get(id);
		return visits.findTop20ByHouseholdOrderByVisitedAtDesc(id).stream().map(HouseholdVisit::view).toList();
	}

	/** The grid's households with their next due visit, soonest first. */
	@Transactional(readOnly = true)
	public List<DueVisit> due(GridId grid) {
		var actor = currentUser.actor();
		var stored = registers.registerOf(actor, grid);
		return schedule.inGrid(grid, today(), GridAccess.seesPersonalData(actor, grid, stored.community()));
	}

	/**
	 * What is due by the end of this week (overdue included): in the caller's own grid for a grid scope, in the named
	 * grid, or else across the caller's region scope (the soonest {@value #REGION_LIMIT}).
	 */
	@Transactional(readOnly = true)
	public List<DueVisit> dueThisWeek(Optional<GridId> grid) {
		var actor = currentUser.actor();
		var scope = actor.scope();
		var endOfWeek = today().with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
		if (scope.kind() == DataScope.Kind.GRID || grid.isPresent()) {
			var target = scope.kind() == DataScope.Kind.GRID ? new GridId(scope.grid()) : grid.get();
			return due(target).stream().filter(d -> !d.dueOn().isAfter(endOfWeek)).toList();
		}
		if (!GridAccess.mayKeepRegisters(actor) || scope.kind() != DataScope.Kind.REGION) {
			throw new io.grassroots.shared.ForbiddenException("problem.forbidden");
		}
		var clear = actor.has(io.grassroots.identity.Role.COMMUNITY_STAFF);
		return schedule.inRegion(scope.region(), today(), clear)
			.stream()
			.filter(d -> !d.dueOn().isAfter(endOfWeek))
			.limit(REGION_LIMIT)
			.toList();
	}

	/** How many households are overdue, per grid, in a subtree the caller may see. */
	@Transactional(readOnly = true)
	public Map<GridId, Integer> overdueByGrid(RegionCode within) {
		return schedule.overdueByGrid(within, today());
	}

	@Transactional(readOnly = true)
	public Optional<VisitPhoto> photo(UUID visit) {
		var stored = visits.findById(visit).orElseThrow(() -> new NotFoundException("grid.visit.notFound", visit));
		GridAccess.checkRegisters(currentUser.actor(), stored.grid(), stored.community());
		return Optional.ofNullable(stored.photo()).flatMap(photos::find);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
