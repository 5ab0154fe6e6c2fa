package io.grassroots.region;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of functional departments. A place is served by the departments of its own region and of the
 * regions above it (a street by its county's departments); that is where dispatch finds them.
 */
@Service
@Transactional
public class Departments {

	private final DepartmentRepository departments;

	private final Regions regions;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	Departments(DepartmentRepository departments, Regions regions, CurrentUser currentUser, AuditTrail audit) {
		this.departments = departments;
		this.regions = regions;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Optional<DepartmentView> find(DepartmentId id) {
		return departments.findById(id).map(Department::view);
	}

	/**
	 * The names of a department and of the other departments of its region, in one statement: lists name the
	 * departments of a county together, so whoever keeps names in memory learns them at once. No transaction of its
	 * own (one statement). Empty for an unknown department.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Map<DepartmentId, String> namesWithTheirRegionsOthers(DepartmentId id) {
		var names = new HashMap<DepartmentId, String>();
		departments.findWithTheirRegionsOthers(id.id()).forEach(d -> names.put(d.id(), d.view().name()));
		return names;
	}

	/** The departments a scope may see: its own department, or those inside its region and those serving it. */
	@Transactional(readOnly = true)
	public List<DepartmentView> visible(DataScope scope) {
		if (scope.kind() == DataScope.Kind.DEPARTMENT) {
			return departments.findById(new DepartmentId(scope.department())).map(d -> List.of(d.view())).orElse(List.of());
		}
		var seen = new LinkedHashMap<DepartmentId, DepartmentView>();
		serving(scope.region()).forEach(d -> seen.put(d.id(), d));
		departments.findInSubtree(scope.region().subtreeFrom(), scope.region().subtreeTo())
			.forEach(d -> seen.put(d.id(), d.view()));
		return List.copyOf(seen.values());
	}

	/** The active departments that serve a place: those of the place itself and of every region above it. */
	@Transactional(readOnly = true)
	public List<DepartmentView> serving(RegionCode place) {
		return departments.findActiveServing(place.value()).stream().map(Department::view).toList();
	}

	/** The nearest active department of a kind that serves the place. */
	@Transactional(readOnly = true)
	public Optional<DepartmentView> suggest(RegionCode place, DepartmentKind kind) {
		var path = regions.path(place);
		for (int i = path.size() - 1; i >= 0; i--) {
			var found = departments.findFirstByRegionAndKindAndActiveTrue(path.get(i).code(), kind);
			if (found.isPresent()) {
				return found.map(Department::view);
			}
		}
		return Optional.empty();
	}

	@Transactional(readOnly = true)
	public DepartmentView get(DepartmentId id, DataScope scope) {
		var department = find(id).orElseThrow(() -> new NotFoundException("region.department.notFound", id));
		if (visible(scope).stream().noneMatch(d -> d.id().equals(id))) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return department;
	}

	public DepartmentView register(DepartmentForm form) {
		var region = checkedRegion(form);
		if (departments.existsByRegionAndName(region, form.name().strip())) {
			throw new ConflictException("region.department.nameTaken", form.name());
		}
		var department = departments.save(Department.register(region, form.kind(), form.name().strip(),
				blankToNull(form.head()), blankToNull(form.phone())));
		record(department, "department.registered", form);
		return department.view();
	}

	public DepartmentView change(DepartmentId id, DepartmentForm form) {
		checkedRegion(form);
		var department = departments.findById(id).orElseThrow(() -> new NotFoundException("region.department.notFound", id));
		if (!currentUser.actor().scope().coversRegion(department.region())) {
			throw new ForbiddenException("problem.outsideScope");
		}
		if (form.version() == null || !form.version().equals(department.version())) {
			throw new ConflictException("problem.staleVersion");
		}
		department.describe(form.kind(), form.name().strip(), blankToNull(form.head()), blankToNull(form.phone()));
		department = departments.save(department);
		record(department, "department.changed", form);
		return department.view();
	}

	private RegionCode checkedRegion(DepartmentForm form) {
		var actor = currentUser.actor();
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("problem.forbidden");
		}
		var region = RegionCode.of(form.region());
		if (!regions.exists(region)) {
			throw InvalidInputException.of("region", "region.notFound", region);
		}
		if (!actor.scope().coversRegion(region)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return region;
	}

	private void record(Department department, String action, DepartmentForm form) {
		var actor = currentUser.actor();
		audit.record(new AuditRecord("department/" + department.id(), action, actor.id().toString(),
				actor.displayName(), Map.of("region", form.region(), "kind", form.kind().name(), "name", form.name())));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
