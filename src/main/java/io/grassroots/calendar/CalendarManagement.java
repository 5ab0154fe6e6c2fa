package io.grassroots.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.Actor;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.Role;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators change in the calendar: office hours per region, the national holiday files of each year, and
 * regional holidays. Every change is checked against the administrator's scope and written to the history.
 */
@Service
@Transactional
public class CalendarManagement {

	/** The longest regional holiday accepted in one entry. */
	static final int MAX_HOLIDAY_DAYS = 31;

	private final CalendarStore store;

	private final WorkCalendars calendars;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	CalendarManagement(CalendarStore store, WorkCalendars calendars, CurrentUser currentUser, AuditTrail audit) {
		this.store = store;
		this.calendars = calendars;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** Every region with its own office hours. */
	@Transactional(readOnly = true)
	public Map<RegionCode, OfficeHours> officeHours() {
		return store.officeHours();
	}

	/** The national and regional days of one year (by date), for the calendar page. */
	@Transactional(readOnly = true)
	public List<CalendarDay> days(int year) {
		return store.days().stream().filter(d -> d.date().getYear() == year).toList();
	}

	@Transactional(readOnly = true)
	public List<Integer> nationalYears() {
		return store.nationalYears();
	}

	/** Refuses (403) anybody but an administrator, for the administration pages. */
	@Transactional(readOnly = true)
	public void checkAdministrator() {
		administrator(currentUser.actor().scope().region());
	}

	public void setOfficeHours(RegionCode region, OfficeHours hours) {
		var actor = administrator(region);
		var problems = hours.problems();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems.get(0),
					problems.stream().map(p -> new InvalidInputException.Violation("seasons", p)).toList());
		}
		store.replaceOfficeHours(region, hours);
		record(actor, region, "calendar.hoursSet", Map.of("workdays", hours.workdaysText(), "seasons",
				hours.seasons().stream().map(s -> s.fromText() + ".." + s.toText() + " " + s.shiftsText()).toList()));
	}

	/** Removes a region's own hours, so that it uses those of the region above; the national default stays. */
	public void removeOfficeHours(RegionCode region) {
		var actor = administrator(region);
		if (region.isRoot()) {
			throw InvalidInputException.of("region", "calendar.hours.rootStays");
		}
		store.removeOfficeHours(region);
		record(actor, region, "calendar.hoursRemoved", Map.of());
	}

	/** Adds a regional holiday (or make-up working day) for each date from {@code from} to {@code to}. */
	public void addRegionalDays(RegionalDays days) {
		var actor = administrator(days.region());
		if (days.region().isRoot()) {
			throw InvalidInputException.of("region", "calendar.regional.notRoot");
		}
		var length = ChronoUnit.DAYS.between(days.from(), days.to()) + 1;
		if (length < 1 || length > MAX_HOLIDAY_DAYS) {
			throw InvalidInputException.of("to", "calendar.regional.badRange", MAX_HOLIDAY_DAYS);
		}
		for (var date = days.from(); !date.isAfter(days.to()); date = date.plusDays(1)) {
			if (store.exists(days.region(), date)) {
				throw InvalidInputException.of("from", "calendar.regional.exists", date);
			}
			store.insert(new CalendarDay(days.region(), date, days.off(), days.name(), CalendarDay.Source.REGIONAL),
					date.getYear());
		}
		record(actor, days.region(), "calendar.regionalAdded", Map.of("from", days.from().toString(), "to",
				days.to().toString(), "name", days.name(), "off", days.off()));
	}

	public void removeRegionalDay(RegionCode region, LocalDate date) {
		var actor = administrator(region);
		if (store.removeRegional(region, date) == 0) {
			throw new NotFoundException("calendar.regional.notFound", date);
		}
		record(actor, region, "calendar.regionalRemoved", Map.of("date", date.toString()));
	}

	/**
	 * Loads national holiday files (the holiday-cn format). Every file is checked first; with any problem nothing
	 * is written. A year already loaded is replaced by the new file.
	 */
	public ImportReport importNationalHolidays(List<HolidayFile> files) {
		var actor = administrator(RegionCode.ROOT);
		return importChecked(files, actor);
	}

	/** The same import for the seed files at start-up, acting as the system. */
	ImportReport importSeed(List<HolidayFile> files) {
		return importChecked(files, Actor.system());
	}

	private ImportReport importChecked(List<HolidayFile> files, Actor actor) {
		var checked = HolidayImport.check(files.stream()
			.map(f -> new HolidayImport.Upload(f.name(), f.content()))
			.toList());
		if (!checked.problems().isEmpty()) {
			return ImportReport.refused(checked.problems());
		}
		var existing = new ArrayList<>(store.days());
		int added = 0, changed = 0, unchanged = 0;
		for (var year : checked.years().entrySet()) {
			for (var day : year.getValue()) {
				var before = existing.stream().filter(d -> d.source() == CalendarDay.Source.NATIONAL
						&& d.date().equals(day.date())).findFirst();
				if (before.isEmpty()) {
					added++;
				}
				else if (before.get().equals(day)) {
					unchanged++;
				}
				else {
					changed++;
				}
			}
			store.replaceNationalYear(year.getKey(), year.getValue());
			record(actor, RegionCode.ROOT, "calendar.nationalImported", Map.of("year", year.getKey(), "days",
					year.getValue().size()));
		}
		calendars.invalidate();
		return new ImportReport(added, changed, unchanged, List.of(), true);
	}

	private Actor administrator(RegionCode region) {
		var actor = currentUser.actor();
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("problem.forbidden");
		}
		if (!actor.scope().coversRegion(region)) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return actor;
	}

	private void record(Actor actor, RegionCode region, String action, Map<String, ?> details) {
		audit.record(new AuditRecord("calendar/" + region.value(), action, actor.id().toString(), actor.displayName(),
				details));
		calendars.invalidate();
	}

	/** A file of national holidays in the holiday-cn format. */
	public record HolidayFile(String name, byte[] content) {
	}

	/**
	 * A regional holiday such as 古尔邦节, entered per year.
	 *
	 * @param off true for days off, false for make-up working days
	 */
	public record RegionalDays(RegionCode region, LocalDate from, LocalDate to, String name, boolean off) {

		public RegionalDays {
			if (name == null || name.isBlank() || name.strip().length() > 100) {
				throw InvalidInputException.of("name", "calendar.regional.badName");
			}
			if (from == null || to == null) {
				throw InvalidInputException.of("from", "calendar.regional.badRange", MAX_HOLIDAY_DAYS);
			}
			name = name.strip();
		}

	}

}
