package io.grassroots.cases.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.grassroots.cases.Categories;
import io.grassroots.cases.Category;
import io.grassroots.cases.CategoryStandard;
import io.grassroots.cases.TimeLimitRule;
import io.grassroots.cases.TimeLimits;
import io.grassroots.identity.CurrentUser;
import io.grassroots.shared.ImportReport;

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

/** Category standards and the time-limit table over the REST API (changes for administrators). */
@RestController
class CaseAdminApi {

	private final Categories categories;

	private final TimeLimits limits;

	private final CurrentUser currentUser;

	CaseAdminApi(Categories categories, TimeLimits limits, CurrentUser currentUser) {
		this.categories = categories;
		this.limits = limits;
		this.currentUser = currentUser;
	}

	@GetMapping("/api/categories/standards")
	List<CategoryStandard> standards() {
		return categories.standards();
	}

	@GetMapping("/api/categories")
	List<Category> categories(@RequestParam String standard) {
		return categories.of(standard);
	}

	/** Loads a standard (a new one beside the others, or a new edition) from a CSV file; all or nothing. */
	@PostMapping(path = "/api/categories/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportReport importStandard(@RequestParam String standard, @RequestParam String title,
			@RequestPart("file") MultipartFile file) throws IOException {
		return CaseAdminController.imported(categories.importStandard(currentUser.actor(), standard, title,
				file.getOriginalFilename(), file.getBytes()));
	}

	@GetMapping("/api/time-limits")
	List<TimeLimitRule> timeLimits() {
		return limits.rules();
	}

	@PostMapping("/api/time-limits")
	@ResponseStatus(HttpStatus.CREATED)
	TimeLimitRule addTimeLimit(@RequestBody TimeLimitForm form) {
		return limits.save(currentUser.actor(), form.rule(null));
	}

	@PutMapping("/api/time-limits/{id}")
	TimeLimitRule changeTimeLimit(@PathVariable UUID id, @RequestBody TimeLimitForm form) {
		return limits.save(currentUser.actor(), form.rule(id));
	}

	@DeleteMapping("/api/time-limits/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeTimeLimit(@PathVariable UUID id) {
		limits.remove(currentUser.actor(), id);
	}

}
