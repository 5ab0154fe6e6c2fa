package io.grassroots.grid.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.grassroots.shared.web.Redirects;
import io.grassroots.grid.CommunityOutlines;
import io.grassroots.grid.CoordinateSystem;
import io.grassroots.grid.GridExport;
import io.grassroots.grid.GridImport;
import io.grassroots.grid.GridKind;
import io.grassroots.grid.GridMapping;
import io.grassroots.grid.ManagementType;
import io.grassroots.identity.CurrentUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.multipart.MultipartFile;

/** Importing grids and community outlines from GeoJSON, and exporting grids as GeoJSON. */
@Controller
class GridImportController {

	private final GridImport imports;

	private final CommunityOutlines outlines;

	private final GridExport export;

	private final CurrentUser currentUser;

	GridImportController(GridImport imports, CommunityOutlines outlines, GridExport export, CurrentUser currentUser) {
		this.imports = imports;
		this.outlines = outlines;
		this.export = export;
		this.currentUser = currentUser;
	}

	@GetMapping("/grids/import")
	String form(Model model) {
		model.addAttribute("view", new GridImportView(currentUser.actor().scope().region().value(), null));
		return "grid/gridImport";
	}

	@PostMapping("/grids/import")
	String importGrids(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String codeProperty,
			@RequestParam(required = false) String communityProperty, @RequestParam(required = false) String nameProperty,
			@RequestParam(required = false) String kindProperty, @RequestParam(required = false) String typeProperty,
			@RequestParam(required = false) String defaultCommunity, @RequestParam(required = false) GridKind defaultKind,
			@RequestParam(required = false) ManagementType defaultType,
			@RequestParam(defaultValue = "WGS84") CoordinateSystem system, Model model, HttpServletResponse response)
			throws IOException {
		var mapping = new GridMapping(codeProperty, communityProperty, nameProperty, kindProperty, typeProperty,
				defaultCommunity == null || defaultCommunity.isBlank() ? null : defaultCommunity.strip(), defaultKind,
				defaultType, system);
		var report = imports.importGeoJson(file.getOriginalFilename(), file.getBytes(), mapping);
		return show(report, model, response);
	}

	@PostMapping("/grids/outlines/import")
	String importOutlines(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "community") String communityProperty,
			@RequestParam(defaultValue = "WGS84") CoordinateSystem system, Model model, HttpServletResponse response)
			throws IOException {
		var report = outlines.importGeoJson(file.getOriginalFilename(), file.getBytes(), communityProperty, system);
		return show(report, model, response);
	}

	@PostMapping("/grids/outlines")
	String drawOutline(@RequestParam String community, @RequestParam String geometry, HtmxRequest htmx,
			RedirectAttributes redirect) {
		outlines.draw(community, geometry, CoordinateSystem.WGS84);
		return Redirects.withNotice(htmx, redirect, "/grids/network?community=" + community.strip(),
				"grid.notice.outline");
	}

	@GetMapping("/grids/export")
	ResponseEntity<String> export(@RequestParam(required = false) String within) {
		var root = Scopes.within(currentUser.actor(), within);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("grids-" + root.value() + ".geojson").build().toString())
			.body(export.geoJson(root));
	}

	private String show(io.grassroots.shared.ImportReport report, Model model, HttpServletResponse response) {
		if (!report.ok()) {
			response.setStatus(400);
		}
		model.addAttribute("view", new GridImportView(currentUser.actor().scope().region().value(), report));
		return "grid/gridImport";
	}

}
