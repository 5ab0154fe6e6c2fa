package io.grassroots.grid;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.ImportReport.Problem;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.PersonalData;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The building and household registers of each grid: reading (personal data masked unless the role may see it),
 * registering, changing, and importing CSV or Excel files (every row checked first; one bad row refuses the file).
 */
@Service
@Transactional
public class Households {

	private final HouseholdRepository households;

	private final BuildingRepository buildings;

	private final GridRepository grids;

	private final PersonalData personal;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	Households(HouseholdRepository households, BuildingRepository buildings, GridRepository grids,
			PersonalData personal, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.households = households;
		this.buildings = buildings;
		this.grids = grids;
		this.personal = personal;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<HouseholdView> inGrid(GridId id) {
		var actor = currentUser.actor();
		var grid = registerOf(actor, id);
		var names = new java.util.HashMap<java.util.UUID, String>();
		buildings.findByGridOrderByName(id).forEach(b -> names.put(b.id(), b.name()));
		var clear = GridAccess.seesPersonalData(actor, id, grid.community());
		return households.findByGridOrderByAddressAscUnitAscRoomAsc(id)
			.stream()
			.map(h -> view(h, names.get(h.building()), clear))
			.toList();
	}

	@Transactional(readOnly = true)
	public HouseholdView get(HouseholdId id) {
		var actor = currentUser.actor();
		var household = households.findById(id).orElseThrow(() -> new NotFoundException("grid.household.notFound", id));
		GridAccess.checkRegisters(actor, household.grid(), household.community());
		var building = household.building() == null ? null
				: buildings.findById(household.building()).map(Building::name).orElse(null);
		return view(household, building, GridAccess.seesPersonalData(actor, household.grid(), household.community()));
	}

	public HouseholdView register(GridId id, HouseholdForm form) {
		var actor = currentUser.actor();
		var grid = registerOf(actor, id);
		var checked = checked(form);
		var household = households.save(Household.register(id, grid.community(), details(grid, checked), false,
				clock.instant()));
		record(actor, household, "household.registered");
		return get(household.id());
	}

	public HouseholdView change(HouseholdId id, HouseholdForm form, long version) {
		var actor = currentUser.actor();
		var household = households.findById(id).orElseThrow(() -> new NotFoundException("grid.household.notFound", id));
		var grid = registerOf(actor, household.grid());
		if (household.version() != version) {
			throw new ConflictException("problem.staleVersion");
		}
		household.describe(details(grid, checked(form)));
		households.save(household);
		record(actor, household, "household.changed");
		return get(id);
	}

	/** Imports a CSV or Excel register into one grid; nothing is written when any row is refused. */
	public ImportReport importFile(GridId id, String fileName, byte[] content) {
		var actor = currentUser.actor();
		var grid = registerOf(actor, id);
		List<HouseholdFile.Line> lines;
		try {
			lines = HouseholdFile.read(content);
		}
		catch (IllegalArgumentException e) {
			return ImportReport.refused(List.of(Problem.of(fileName, 0, "", e.getMessage())));
		}
		if (lines.isEmpty()) {
			return ImportReport.refused(List.of(Problem.of(fileName, 0, "", "grid.household.noRows")));
		}
		var problems = new ArrayList<Problem>();
		var rows = new ArrayList<HouseholdCheck.Checked>();
		for (var line : lines) {
			var result = HouseholdCheck.check(line.raw());
			result.issues().forEach(i -> problems.add(new Problem(fileName, line.number(), i.field(), i.messageKey(),
					i.arguments().stream().map(String::valueOf).toList())));
			if (result.checked() != null) {
				rows.add(result.checked());
			}
		}
		if (!problems.isEmpty()) {
			return ImportReport.refused(problems);
		}
		for (var row : rows) {
			var household = households.save(Household.register(id, grid.community(), details(grid, row), false,
					clock.instant()));
			record(actor, household, "household.imported");
		}
		return new ImportReport(rows.size(), 0, 0, List.of(), true);
	}

	Grid registerOf(Actor actor, GridId id) {
		var grid = grids.findById(id).orElseThrow(() -> new NotFoundException("grid.notFound", id));
		GridAccess.checkRegisters(actor, id, grid.community());
		return grid;
	}

	private static HouseholdCheck.Checked checked(HouseholdForm form) {
		var tags = form.tags() == null ? "" : String.join(",", form.tags().stream().map(Enum::name).toList());
		var result = HouseholdCheck.check(new HouseholdCheck.Raw(form.building(), form.address(), form.unit(),
				form.room(), form.headName(), form.members() == null ? null : form.members().toString(), form.phone(),
				form.idNumber(), tags));
		if (!result.issues().isEmpty()) {
			throw new InvalidInputException("grid.household.refused", result.issues()
				.stream()
				.map(i -> new InvalidInputException.Violation(i.field(), i.messageKey(), i.arguments().toArray()))
				.toList());
		}
		return result.checked();
	}

	private Household.Details details(Grid grid, HouseholdCheck.Checked row) {
		java.util.UUID building = null;
		if (row.building() != null) {
			building = buildings.findByGridAndName(grid.id(), row.building())
				.orElseGet(() -> buildings.save(Building.register(grid.id(), grid.community(), row.building(),
						row.address())))
				.id();
		}
		return new Household.Details(building, row.address(), row.unit(), row.room(), row.headName(), row.members(),
				seal(row.phone()), seal(row.idNumber()), row.tags());
	}

	private Household.Sealed seal(String value) {
		return value == null ? Household.Sealed.NONE
				: new Household.Sealed(personal.encrypt(value), personal.blindIndex(value));
	}

	HouseholdView view(Household h, String building, boolean clear) {
		var phone = h.phoneSealed() == null ? "" : personal.decrypt(h.phoneSealed());
		var idNumber = h.idNumberSealed() == null ? "" : personal.decrypt(h.idNumberSealed());
		return new HouseholdView(h.id(), h.grid(), building, h.address(), h.unit(), h.room(),
				clear ? h.headName() : PersonalData.maskName(h.headName()), h.members(),
				clear ? phone : PersonalData.maskPhone(phone), clear ? idNumber : PersonalData.maskIdNumber(idNumber),
				h.tags(), clear, h.demo(), h.version() == null ? 0 : h.version());
	}

	private void record(Actor actor, Household household, String action) {
		audit.record(new AuditRecord("household/" + household.id(), action, actor.id().toString(), actor.displayName(),
				Map.of("grid", household.grid().toString())));
	}

}
