package io.grassroots.cases.web;

import java.util.List;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.cases.CaseManagement;
import io.grassroots.cases.CaseQueries;
import io.grassroots.cases.CasesProperties;
import io.grassroots.cases.Channel;
import io.grassroots.cases.Rating;
import io.grassroots.region.RegionLevel;
import io.grassroots.region.Regions;
import io.grassroots.shared.NotFoundException;
import io.grassroots.shared.RegionCode;
import io.grassroots.shared.web.Redirects;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The resident's pages, without signing in: report a problem with a photo, get a tracking code, follow the steps
 * and rate the handling. Rate- and size-limited by {@link PublicIntakeGuard}.
 */
@Controller
class PublicController {

	private final CaseManagement cases;

	private final CaseQueries queries;

	private final CategoryChoices categories;

	private final Regions regions;

	private final CasesProperties properties;

	PublicController(CaseManagement cases, CaseQueries queries, CategoryChoices categories, Regions regions,
			CasesProperties properties) {
		this.cases = cases;
		this.queries = queries;
		this.categories = categories;
		this.regions = regions;
		this.properties = properties;
	}

	@GetMapping("/public/report")
	String form(Model model) {
		var county = RegionCode.of(properties.unplacedRegion()).parentByDigits();
		model.addAttribute("view", new IntakePageView("/public/report", List.of(Channel.ONLINE),
				categories.leaves("MATTERS"), regions.within(county, RegionLevel.COMMUNITY), UUID.randomUUID().toString()));
		return "cases/publicReport";
	}

	@PostMapping("/public/report")
	String report(@ModelAttribute IntakeForm form, BindingResult binding,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, HtmxRequest htmx,
			RedirectAttributes attributes) {
		Binding.check(binding);
		var summary = cases.reportPublic(form.request().intake(form.key(), Uploads.of(photos)));
		return Redirects.withNotice(htmx, attributes, "/public/track/" + summary.trackingCode(),
				"cases.notice.publicReported");
	}

	@GetMapping("/public/track/{code}")
	String track(@PathVariable String code, Model model) {
		var track = queries.track(code).orElseThrow(() -> new NotFoundException("cases.tracking.notFound", code));
		model.addAttribute("view", new TrackPageView(track));
		return "cases/publicTrack";
	}

	@PostMapping("/public/track/{code}/evaluation")
	String evaluate(@PathVariable String code, @RequestParam(required = false) Rating rating,
			@RequestParam(required = false) Boolean resolved, @RequestParam(required = false) String comment,
			HtmxRequest htmx, RedirectAttributes attributes) {
		cases.evaluateByResident(code, rating, Boolean.TRUE.equals(resolved), comment);
		return Redirects.withNotice(htmx, attributes, "/public/track/" + code, "cases.notice.rated");
	}

}
