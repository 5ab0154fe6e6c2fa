package io.grassroots.grid.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.grassroots.grid.CommunityOutlines;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.grid.DueVisit;
import io.grassroots.grid.GridDetails;
import io.grassroots.grid.GridExport;
import io.grassroots.grid.GridForm;
import io.grassroots.grid.GridId;
import io.grassroots.grid.GridImport;
import io.grassroots.grid.GridManagement;
import io.grassroots.grid.GridMapping;
import io.grassroots.grid.GridNetwork;
import io.grassroots.grid.GridOverview;
import io.grassroots.grid.GridSummary;
import io.grassroots.grid.GridView;
import io.grassroots.grid.HouseholdForm;
import io.grassroots.grid.HouseholdView;
import io.grassroots.grid.HouseholdVisits;
import io.grassroots.grid.Households;
import io.grassroots.grid.NetworkCheck;
import io.grassroots.grid.NetworkReport;
import io.grassroots.grid.Placement;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

/** The grid network over the REST API, inside the caller's data scope (403 beyond it). */
@RestController
class GridApi {

	private final GridNetwork network;

	private final GridOverview overview;

	private final GridManagement management;

	private final GridImport imports;

	private final GridExport export;

	private final NetworkCheck check;

	private final CommunityOutlines outlines;

	private final Households households;

	private final HouseholdVisits visits;

	private final CurrentUser currentUser;

	GridApi(GridNetwork network, GridOverview overview, GridManagement management, GridImport imports,
			GridExport export, NetworkCheck check, CommunityOutlines outlines, Households households, HouseholdVisits visits,
			CurrentUser currentUser) {
		this.network = network;
		this.overview = overview;
		this.management = management;
		this.imports = imports;
		this.export = export;
		this.check = check;
		this.outlines = outlines;
		this.households = households;
		this.visits = visits;
		this.currentUser = currentUser;
	}

	@GetMapping("/api/grids")
	List<GridSummary> grids(@RequestParam(required = false) String within) {
		return overview.summaries(Scopes.within(currentUser.actor(), within));
	}

	@GetMapping("/api/grids/{id}")
	GridDetails grid(@PathVariable GridId id) {
		return overview.details(id);
	}

	@PostMapping("/api/grids")
	@ResponseStatus(HttpStatus.CREATED)
	GridView draw(@RequestBody GridForm form) {
		return management.draw(form);
	}

	@GetMapping(path = "/api/grids/export", produces = "application/geo+json")
	String exportGrids(@RequestParam(required = false) String within) {
		return export.geoJson(Scopes.within(currentUser.actor(), within));
	}

	/** Imports a GeoJSON FeatureCollection with the documented property names; all or nothing. */
	@PostMapping(path = "/api/grids/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importGrids(@RequestPart("file") MultipartFile file,
			@RequestParam(defaultValue = "WGS84") CoordinateSystem system) throws IOException {
		var mapping = new GridMapping(null, null, null, null, null, null, null, null, system);
		return refusedAsProblem(imports.importGeoJson(file.getOriginalFilename(), file.getBytes(), mapping));
	}

	/** Draws (or redraws) a community's outline, against which gaps are measured; the body is a GeoJSON geometry. */
	@PutMapping(path = "/api/grids/outlines/{community}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void drawOutline(@PathVariable String community, @RequestBody String geometry,
			@RequestParam(defaultValue = "WGS84") CoordinateSystem system) {
		outlines.draw(community, geometry, system);
	}

	@GetMapping(path = "/api/grids/outlines/{community}", produces = MediaType.APPLICATION_JSON_VALUE)
	String outline(@PathVariable RegionCode community) {
		check.check(community);
		return outlines.geoJson(community).orElseThrow(() -> new NotFoundException("grid.outline.notFound", community));
	}

	@GetMapping("/api/grids/network/{community}")
	NetworkReport networkReport(@PathVariable RegionCode community) {
		return check.check(community);
	}

	/** Places a point (WGS-84 unless {@code system} says otherwise) in its grid, community, street and county. */
	@GetMapping("/api/placement")
	Placement place(@RequestParam double lng, @RequestParam double lat,
			@RequestParam(defaultValue = "WGS84") CoordinateSystem system,
			@RequestParam(required = false) RegionCode community) {
		return network.place(lng, lat, system, Optional.ofNullable(community));
	}

	@GetMapping("/api/grids/{id}/households")
	List<HouseholdView> households(@PathVariable GridId id) {
		return households.inGrid(id);
	}

	@PostMapping("/api/grids/{id}/households")
	@ResponseStatus(HttpStatus.CREATED)
	HouseholdView register(@PathVariable GridId id, @RequestBody HouseholdForm form) {
		return households.register(id, form);
	}

	/** Imports a CSV or Excel household register into the grid; all or nothing. */
	@PostMapping(path = "/api/grids/{id}/households/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importHouseholds(@PathVariable GridId id, @RequestPart("file") MultipartFile file)
			throws IOException {
		return refusedAsProblem(households.importFile(id, file.getOriginalFilename(), file.getBytes()));
	}

	@GetMapping("/api/grids/{id}/visits/due")
	List<DueVisit> due(@PathVariable GridId id) {
		return visits.due(id);
	}

	private static ImportReport refusedAsProblem(ImportReport report) {
		if (!report.ok()) {
			throw new InvalidInputException("grid.import.refused", report.refused()
				.stream()
				.map(p -> new InvalidInputException.Violation(
						p.source() + ":" + p.line() + (p.column().isEmpty() ? "" : ":" + p.column()), p.messageKey(),
						p.arguments().toArray()))
				.toList(), report.refused().size());
		}
		return report;
	}

}
