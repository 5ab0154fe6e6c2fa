package io.grassroots.cases.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.grassroots.cases.CaseFilter;
import io.grassroots.cases.CaseId;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CaseRow;
import io.grassroots.cases.CaseStatus;
import io.grassroots.cases.CaseSummary;
import io.grassroots.cases.CaseView;
import io.grassroots.cases.Tier;
import io.grassroots.identity.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Cases over the REST API, for staff and integrations (12345 hotlines, video platforms): intake with an
 * Idempotency-Key, queues, the case, its photos, and every transition as {@code POST /api/cases/{id}/<action>}
 * with the version the caller saw (a stale version is a 409).
 */
@RestController
class CaseApi {

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final CaseManagement cases;

	private final CaseQueries queries;

	private final CaseCommands commands;

	private final CurrentUser currentUser;

	CaseApi(CaseManagement cases, CaseQueries queries, CaseCommands commands, CurrentUser currentUser) {
		this.cases = cases;
		this.queries = queries;
		this.commands = commands;
		this.currentUser = currentUser;
	}

	/** Takes a report in; the same Idempotency-Key again answers 200 with the first case instead of a new one. */
	@PostMapping(path = "/api/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<CaseSummary> report(@RequestBody IntakeRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		return created(cases.report(currentUser.actor(), request.intake(key, List.of())));
	}

	/** The same with photos: the report as the JSON part {@code case}, the photos as parts {@code photos}. */
	@PostMapping(path = "/api/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<CaseSummary> reportWithPhotos(@RequestPart("case") IntakeRequest request,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		return created(cases.report(currentUser.actor(), request.intake(key, Uploads.of(photos))));
	}

	@GetMapping("/api/cases")
	List<CaseRow> list(@RequestParam(required = false) Set<CaseStatus> status, @RequestParam(required = false) Tier tier,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "100") int limit) {
		return queries.list(currentUser.actor(), new CaseFilter(status, tier, false, q), limit);
	}

	@GetMapping("/api/cases/{id}")
	CaseView view(@PathVariable CaseId id) {
		return queries.view(currentUser.actor(), id);
	}

	@GetMapping("/api/cases/{id}/attachments/{attachment}")
	ResponseEntity<byte[]> attachment(@PathVariable CaseId id, @PathVariable UUID attachment) {
		return Photos.response(queries.attachment(currentUser.actor(), id, attachment));
	}

	@PostMapping(path = "/api/cases/{id}/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
	CaseSummary act(@PathVariable CaseId id, @PathVariable String action, @RequestBody ActionRequest request) {
		return commands.run(currentUser.actor(), id, action, request, List.of());
	}

	/** A transition with evidence: the request as the JSON part {@code request}, photos as parts {@code photos}. */
	@PostMapping(path = "/api/cases/{id}/{action}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	CaseSummary actWithPhotos(@PathVariable CaseId id, @PathVariable String action,
			@RequestPart("request") ActionRequest request,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
		return commands.run(currentUser.actor(), id, action, request, Uploads.of(photos));
	}

	/**
	 * 201 with the new case, or 200 with the first case of a key seen before; as JSON, named up front, so Spring does
	 * not negotiate the answer's type against every converter on each intake (bench/RESULTS.md § intake, 2026-12-06).
	 */
	static ResponseEntity<CaseSummary> created(CaseSummary summary) {
		if (!summary.created()) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary);
		}
		return ResponseEntity.created(URI.create("/api/cases/" + summary.id()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(summary);
	}

}
