package io.grassroots.region.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.grassroots.region.RegionManagement;
import io.grassroots.region.RegionManagement.ImportFile;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.ImportReport;
import io.grassroots.shared.Jobs;
import io.grassroots.shared.NotFoundException;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Administrators upload region CSV files; the import (or only a check) runs as a background job with a progress
 * bar, and its page then shows the report: rows added, changed and unchanged, or every refused row and why.
 */
@Controller
@RequestMapping("/admin/regions/import")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class RegionImportController {

	private final RegionManagement management;

	private final Jobs jobs;

	RegionImportController(RegionManagement management, Jobs jobs) {
		this.management = management;
		this.jobs = jobs;
	}

	@GetMapping
	String form(Model model) {
		model.addAttribute("view", new RegionImportView(management.importLayouts(), management.importMaxBytes()));
		return "region/regionImport";
	}

	@PostMapping
	String start(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(defaultValue = "false") boolean checkOnly) throws IOException {
		var uploads = new ArrayList<ImportFile>();
		for (var file : files == null ? List.<MultipartFile>of() : files) {
			if (!file.isEmpty() || file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
				uploads.add(new ImportFile(file.getOriginalFilename(), file.getBytes()));
			}
		}
		var id = management.startImport(uploads, checkOnly);
		return "redirect:/admin/regions/import/" + id;
	}

	@GetMapping("/{id}")
	String result(@PathVariable UUID id, Authentication authentication, Model model) {
		var job = jobs.find(id)
			.filter(found -> found.kind().equals(RegionManagement.IMPORT_JOB))
			.orElseThrow(() -> new NotFoundException("job.notFound", id));
		if (!job.owner().equals(authentication.getName())) {
			throw new ForbiddenException("problem.forbidden");
		}
		var report = job.state() == Jobs.JobState.SUCCEEDED ? jobs.result(id, ImportReport.class).orElse(null) : null;
		model.addAttribute("view", new RegionImportResultView(job, report));
		return "region/regionImportResult";
	}

}
