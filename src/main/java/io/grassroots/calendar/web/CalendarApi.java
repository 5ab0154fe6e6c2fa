package io.grassroots.calendar.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.grassroots.calendar.CalendarDay;
import io.grassroots.calendar.CalendarManagement;
import io.grassroots.calendar.LimitUnit;
import io.grassroots.calendar.WorkCalendars;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.RegionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The work calendar over the REST API: deadlines and working time for any signed-in caller; office hours, regional
 * holidays and national holiday files for administrators.
 */
@RestController
class CalendarApi {

	private final CalendarManagement management;

	private final WorkCalendars calendars;

	CalendarApi(CalendarManagement management, WorkCalendars calendars) {
		this.management = management;
		this.calendars = calendars;
	}

	/** When a limit started at {@code start} (Beijing time, {@code 2025-07-07T10:00}) runs out in a region. */
	@GetMapping("/api/calendar/deadline")
	DeadlineResponse deadline(@RequestParam String region, @RequestParam String start, @RequestParam String amount,
			@RequestParam LimitUnit unit) {
		var code = CalendarInput.region(region);
		var from = CalendarInput.beijingTime("start", start);
		var deadline = calendars.deadline(code, from, CalendarInput.limit(amount, unit));
		return new DeadlineResponse(code, from, deadline, calendars.elapsed(code, from, deadline, LimitUnit.WORKING_HOURS));
	}

	@GetMapping("/api/calendar/days")
	List<CalendarDay> days(@RequestParam int year) {
		return management.days(year);
	}

	@GetMapping("/api/calendar/hours")
	List<HoursResponse> hours() {
		return management.officeHours()
			.entrySet()
			.stream()
			.map(e -> new HoursResponse(e.getKey(), e.getValue().workdaysText(), OfficeHoursForm.seasonsText(e.getValue())))
			.toList();
	}

	@PutMapping("/api/calendar/hours/{region}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void setHours(@PathVariable RegionCode region, @RequestBody OfficeHoursForm form) {
		management.setOfficeHours(region, new OfficeHoursForm(region.value(), form.workdays(), form.seasons()).hours());
	}

	@DeleteMapping("/api/calendar/hours/{region}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeHours(@PathVariable RegionCode region) {
		management.removeOfficeHours(region);
	}

	@PostMapping("/api/calendar/regional-days")
	@ResponseStatus(HttpStatus.CREATED)
	void addRegional(@RequestBody RegionalDaysForm form) {
		management.addRegionalDays(form.days());
	}

	@DeleteMapping("/api/calendar/regional-days/{region}/{date}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeRegional(@PathVariable RegionCode region, @PathVariable String date) {
		management.removeRegionalDay(region, RegionalDaysForm.date("date", date));
	}

	/** Loads national holiday files in the holiday-cn format (a later year, or a corrected one). */
	@PostMapping(path = "/api/calendar/holidays", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importHolidays(@RequestPart(name = "files", required = false) List<MultipartFile> files)
			throws IOException {
		return CalendarInput.imported(management.importNationalHolidays(CalendarInput.holidayFiles(files)));
	}

	record DeadlineResponse(RegionCode region, Instant start, Instant deadline, Duration workingTime) {
	}

	record HoursResponse(RegionCode region, String workdays, String seasons) {
	}

}
