package io.grassroots.cases.web;

import java.net.URI;
import java.util.List;

import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.Rating;
import io.grassroots.cases.TrackingView;
import io.grassroots.shared.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public intake and tracking, without signing in (rate- and size-limited by {@link PublicIntakeGuard}): a resident
 * reports, gets a tracking code, follows the steps and rates the handling. No personal data is ever answered.
 */
@RestController
class PublicCaseApi {

	private final CaseManagement cases;

	private final CaseQueries queries;

	PublicCaseApi(CaseManagement cases, CaseQueries queries) {
		this.cases = cases;
		this.queries = queries;
	}

	@PostMapping("/api/public/cases")
	ResponseEntity<Receipt> report(@RequestBody IntakeRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		var summary = cases.reportPublic(request.intake(key, List.of()));
		var receipt = new Receipt(summary.trackingCode(), "/public/track/" + summary.trackingCode());
		return summary.created() ? ResponseEntity.created(URI.create("/api/public/cases/" + summary.trackingCode()))
			.body(receipt) : ResponseEntity.ok(receipt);
	}

	@GetMapping("/api/public/cases/{code}")
	TrackingView track(@PathVariable String code) {
		return queries.track(code).orElseThrow(() -> new NotFoundException("cases.tracking.notFound", code));
	}

	@PostMapping("/api/public/cases/{code}/evaluation")
	TrackingView evaluate(@PathVariable String code, @RequestBody EvaluationRequest request) {
		cases.evaluateByResident(code, request.rating(), Boolean.TRUE.equals(request.resolved()), request.comment());
		return track(code);
	}

	/** What a resident gets back: the tracking code and the page that follows the case. */
	record Receipt(String trackingCode, String trackingPage) {
	}

	record EvaluationRequest(Rating rating, Boolean resolved, String comment) {
	}

}
