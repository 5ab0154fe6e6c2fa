package io.grassroots.grid.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.shared.web.Redirects;
import io.grassroots.grid.GridId;
import io.grassroots.grid.GridNetwork;
import io.grassroots.grid.HouseholdExport;
import io.grassroots.grid.HouseholdForm;
import io.grassroots.grid.HouseholdId;
import io.grassroots.grid.HouseholdTag;
import io.grassroots.grid.HouseholdVisits;
import io.grassroots.grid.Households;
import io.grassroots.grid.VisitForm;
import io.grassroots.shared.NotFoundException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.multipart.MultipartFile;

/** Household registers, their import and export, household visits and the visits due this week. */
@Controller
class HouseholdController {

	private final Households households;

	private final HouseholdExport export;

	private final HouseholdVisits visits;

	private final GridNetwork network;

	HouseholdController(Households households, HouseholdExport export, HouseholdVisits visits, GridNetwork network) {
		this.households = households;
		this.export = export;
		this.visits = visits;
		this.network = network;
	}

	@GetMapping("/grids/{id}/households")
	String register(@PathVariable GridId id, Model model) {
		return show(id, null, model);
	}

	@PostMapping("/grids/{id}/households")
	String add(@PathVariable GridId id, @RequestParam(required = false) String building, @RequestParam String address,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String room,
			@RequestParam String headName, @RequestParam(required = false) Integer members,
			@RequestParam(required = false) String phone, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) Set<HouseholdTag> tags, HtmxRequest htmx, RedirectAttributes redirect) {
		households.register(id, new HouseholdForm(building, address, unit, room, headName, members, phone, idNumber,
				tags == null ? Set.of() : tags));
		return Redirects.withNotice(htmx, redirect, "/grids/" + id + "/households", "grid.notice.household");
	}

	@PostMapping("/grids/{id}/households/import")
	String importFile(@PathVariable GridId id, @RequestParam("file") MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		var report = households.importFile(id, file.getOriginalFilename(), file.getBytes());
		if (!report.ok()) {
			response.setStatus(400);
		}
		return show(id, report, model);
	}

	@GetMapping("/grids/{id}/households/export")
	ResponseEntity<byte[]> exportFile(@PathVariable GridId id, @RequestParam(defaultValue = "csv") String format) {
		var excel = format.equals("xlsx");
		return ResponseEntity.ok()
			.contentType(excel ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
					: MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("households-" + id + (excel ? ".xlsx" : ".csv")).build().toString())
			.body(excel ? export.excel(id) : export.csv(id));
	}

	@GetMapping("/households/{id}")
	String household(@PathVariable HouseholdId id, Model model) {
		model.addAttribute("view", new HouseholdPageView(households.get(id), visits.ofHousehold(id)));
		return "grid/householdPage";
	}

	@PostMapping("/households/{id}/visits")
	String visit(@PathVariable HouseholdId id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime visitedAt,
			@RequestParam(required = false) String place, @RequestParam(required = false) String findings,
			@RequestParam(defaultValue = "false") boolean reportAsCase,
			@RequestParam(required = false) MultipartFile photo, HtmxRequest htmx, RedirectAttributes redirect)
			throws IOException {
		visits.record(id, new VisitForm(visitedAt, place, findings, reportAsCase),
				photo == null || photo.isEmpty() ? null : photo.getBytes());
		return Redirects.withNotice(htmx, redirect, "/households/" + id, "grid.notice.visit");
	}

	@GetMapping("/visits/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable UUID id) {
		var photo = visits.photo(id).orElseThrow(() -> new NotFoundException("grid.visit.notFound", id));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.content());
	}

	@GetMapping("/visits/due")
	String due(@RequestParam(required = false) GridId grid, Model model) {
		model.addAttribute("view", new VisitsDueView(visits.dueThisWeek(Optional.ofNullable(grid))));
		return "grid/visitsDue";
	}

	private String show(GridId id, io.grassroots.shared.ImportReport report, Model model) {
		var list = households.inGrid(id);
		var grid = network.find(id).orElseThrow(() -> new NotFoundException("grid.notFound", id));
		model.addAttribute("view", new HouseholdsView(grid, list, report));
		return "grid/households";
	}

}
