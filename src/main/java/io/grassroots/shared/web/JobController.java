package io.grassroots.shared.web;

import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxResponseHeader;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.Jobs;
import io.grassroots.shared.NotFoundException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The progress of a background job, polled by the page that started it. When the job has finished, the browser is
 * sent on to the job's result page.
 */
@Controller
class JobController {

	private final Jobs jobs;

	JobController(Jobs jobs) {
		this.jobs = jobs;
	}

	@HxRequest
	@GetMapping("/jobs/{id}")
	String progress(@PathVariable UUID id, Authentication authentication, HttpServletResponse response, Model model) {
		var job = jobs.find(id).orElseThrow(() -> new NotFoundException("job.notFound", id));
		if (!job.owner().equals(authentication.getName())) {
			throw new ForbiddenException("problem.forbidden");
		}
		if (job.finished()) {
			response.setHeader(HtmxResponseHeader.HX_REDIRECT.getValue(), job.resultPath());
		}
		model.addAttribute("job", job);
		return "shared/jobProgress";
	}

}
