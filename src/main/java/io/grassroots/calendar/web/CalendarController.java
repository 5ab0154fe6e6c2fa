package io.grassroots.calendar.web;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.calendar.CalendarManagement;
import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.WorkCalendars;
import io.grassroots.region.RegionView;
import io.grassroots.region.Regions;
import io.grassroots.shared.BeijingTime;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.web.Redirects;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar administration of the console: office hours, regional holidays, national holiday files, and a
 * deadline calculator to check the result.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CalendarController {

	private final CalendarManagement management;

	private final WorkCalendars calendars;

	private final Regions regions;

	private final Clock clock;

	CalendarController(CalendarManagement management, WorkCalendars calendars, Regions regions, Clock clock) {
		this.management = management;
		this.calendars = calendars;
		this.regions = regions;
		this.clock = clock;
	}

	@GetMapping("/admin/calendar")
	String page(@RequestParam(required = false) Integer year, Model model) {
		management.checkAdministrator();
		var shown = year == null || year < 2000 || year > 2100 ? clock.instant().atZone(BeijingTime.ZONE).getYear() : year;
		var years = new TreeSet<>(management.nationalYears());
		years.add(shown);
		var hours = new ArrayList<CalendarAdminView.HoursRow>();
		management.officeHours().forEach((region, h) -> hours.add(new CalendarAdminView.HoursRow(region.value(),
				region.isRoot() ? "" : regions.find(region).map(RegionView::name).orElse(region.value()),
				h.workdaysText(), OfficeHoursForm.seasonsText(h), region.isRoot())));
		model.addAttribute("view", new CalendarAdminView(shown, List.copyOf(years), hours, management.days(shown)));
		return "calendar/calendarAdmin";
	}

	@PostMapping("/admin/calendar/hours")
	String setHours(@ModelAttribute OfficeHoursForm form, HtmxRequest htmx, RedirectAttributes attributes) {
		management.setOfficeHours(form.regionCode(), form.hours());
		return Redirects.withNotice(htmx, attributes, "/admin/calendar", "calendar.notice.saved");
	}

	@PostMapping("/admin/calendar/hours/{region}/remove")
	String removeHours(@PathVariable RegionCode region, HtmxRequest htmx, RedirectAttributes attributes) {
		management.removeOfficeHours(region);
		return Redirects.withNotice(htmx, attributes, "/admin/calendar", "calendar.notice.removed");
	}

	@PostMapping("/admin/calendar/regional")
	String addRegional(@ModelAttribute RegionalDaysForm form, HtmxRequest htmx, RedirectAttributes attributes) {
		var days = form.days();
		management.addRegionalDays(days);
		return Redirects.withNotice(htmx, attributes, "/admin/calendar?year=" + days.from().getYear(),
				"calendar.notice.saved");
	}

	@PostMapping("/admin/calendar/regional/{region}/{date}/remove")
	String removeRegional(@PathVariable RegionCode region, @PathVariable String date, HtmxRequest htmx,
			RedirectAttributes attributes) {
		var day = RegionalDaysForm.date("date", date);
		management.removeRegionalDay(region, day);
		return Redirects.withNotice(htmx, attributes, "/admin/calendar?year=" + day.getYear(), "calendar.notice.removed");
	}

	@PostMapping("/admin/calendar/holidays")
	String importHolidays(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			HtmxRequest htmx, RedirectAttributes attributes) throws IOException {
		CalendarInput.imported(management.importNationalHolidays(CalendarInput.holidayFiles(files)));
		return Redirects.withNotice(htmx, attributes, "/admin/calendar", "calendar.notice.imported");
	}

	@HxRequest
	@GetMapping("/admin/calendar/deadline")
	String deadline(@RequestParam String region, @RequestParam String start, @RequestParam String amount,
			@RequestParam LimitUnit unit, Model model) {
		var code = CalendarInput.region(region);
		var from = CalendarInput.beijingTime("start", start);
		var limit = CalendarInput.limit(amount, unit);
		var deadline = calendars.deadline(code, from, limit);
		var working = calendars.elapsed(code, from, deadline, LimitUnit.WORKING_HOURS);
		model.addAttribute("view", new DeadlineView(code.value(), start, limit.amount(), limit.unit(),
				deadline.atZone(BeijingTime.ZONE).toLocalDateTime().toString().replace('T', ' '),
				working.toHours() + ":" + String.format("%02d", working.toMinutesPart())));
		return "calendar/deadline";
	}

}
