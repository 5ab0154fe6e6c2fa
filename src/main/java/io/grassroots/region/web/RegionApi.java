package io.grassroots.region.web;

import java.util.ArrayList;
import java.util.List;

import io.grassroots.identity.CurrentUser;
import io.grassroots.region.DepartmentForm;
import io.grassroots.region.DepartmentId;
import io.grassroots.region.DepartmentView;
import io.grassroots.region.Departments;
import io.grassroots.region.PartyOrganisationForm;
import io.grassroots.region.PartyOrganisationId;
import io.grassroots.region.PartyOrganisationView;
import io.grassroots.region.PartyOrganisations;
import io.grassroots.region.RegionManagement;
import io.grassroots.region.RegionView;
import io.grassroots.region.Regions;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.RegionCode;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The region tree and its registers over the REST API, within the caller's data scope (403 beyond it).
 */
@RestController
class RegionApi {

	static final int PARTY_LIMIT = 2000;

	private final Regions regions;

	private final RegionManagement management;

	private final Departments departments;

	private final PartyOrganisations parties;

	private final CurrentUser currentUser;

	RegionApi(Regions regions, RegionManagement management, Departments departments, PartyOrganisations parties,
			CurrentUser currentUser) {
		this.regions = regions;
		this.management = management;
		this.departments = departments;
		this.parties = parties;
		this.currentUser = currentUser;
	}

	/** The top of the tree as the caller sees it, or the regions whose name contains {@code q}. */
	@GetMapping("/api/regions")
	List<RegionView> roots(@RequestParam(required = false) String q) {
		var scope = currentUser.actor().scope();
		return q == null || q.isBlank() ? regions.roots(scope) : regions.search(q.strip(), scope, 200);
	}

	@GetMapping("/api/regions/{code}")
	RegionView region(@PathVariable RegionCode code) {
		return regions.get(code, currentUser.actor().scope());
	}

	@GetMapping("/api/regions/{code}/children")
	List<RegionView> children(@PathVariable RegionCode code) {
		return regions.children(code, currentUser.actor().scope());
	}

	/**
	 * Imports region CSV files (the national layouts or the subtree layout). Every row is checked first; a file
	 * with any bad row is refused whole with the problems listed, and nothing is written. With
	 * {@code checkOnly=true} nothing is written either way and the report tells what an import would do.
	 */
	@PostMapping(path = "/api/regions/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportReport> importFiles(@RequestPart("files") List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean checkOnly) throws java.io.IOException {
		var uploads = new ArrayList<RegionManagement.ImportFile>();
		for (var file : files) {
			uploads.add(new RegionManagement.ImportFile(file.getOriginalFilename(), file.getBytes()));
		}
		var report = management.importNow(uploads, checkOnly);
		if (!report.ok()) {
			throw new InvalidInputException("region.import.refused", report.refused()
				.stream()
				.map(p -> new InvalidInputException.Violation(p.source() + ":" + p.line() + (p.column().isEmpty() ? "" : ":" + p.column()),
						p.messageKey(), p.arguments().toArray()))
				.toList(), report.refused().size());
		}
		return ResponseEntity.ok(report);
	}

	@GetMapping("/api/departments")
	List<DepartmentView> departments() {
		return departments.visible(currentUser.actor().scope());
	}

	@GetMapping("/api/departments/{id}")
	DepartmentView department(@PathVariable DepartmentId id) {
		return departments.get(id, currentUser.actor().scope());
	}

	@PostMapping("/api/departments")
	@ResponseStatus(HttpStatus.CREATED)
	DepartmentView register(@Valid @RequestBody DepartmentForm form) {
		return departments.register(form);
	}

	@PutMapping("/api/departments/{id}")
	DepartmentView change(@PathVariable DepartmentId id, @Valid @RequestBody DepartmentForm form) {
		return departments.change(id, form);
	}

	/** The party organisations of the caller's scope, or of a region inside it, whose name contains {@code q}. */
	@GetMapping("/api/party-organisations")
	List<PartyOrganisationView> partyOrganisations(@RequestParam(required = false) RegionCode within,
			@RequestParam(defaultValue = "") String q) {
		var scope = currentUser.actor().scope();
		return parties.search(scope, within == null ? scope.region() : within, q, PARTY_LIMIT);
	}

	@GetMapping("/api/party-organisations/{id}")
	PartyOrganisationView partyOrganisation(@PathVariable PartyOrganisationId id) {
		return parties.get(id, currentUser.actor().scope());
	}

	@PostMapping("/api/party-organisations")
	@ResponseStatus(HttpStatus.CREATED)
	PartyOrganisationView found(@Valid @RequestBody PartyOrganisationForm form) {
		return parties.found(form);
	}

	@PutMapping("/api/party-organisations/{id}")
	PartyOrganisationView change(@PathVariable PartyOrganisationId id, @Valid @RequestBody PartyOrganisationForm form) {
		return parties.change(id, form);
	}

}
