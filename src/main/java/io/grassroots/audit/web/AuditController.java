package io.grassroots.audit.web;

import java.util.UUID;

import io.grassroots.audit.AuditTrail;
import io.grassroots.audit.Verification;
import io.grassroots.shared.ForbiddenException;
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

/**
 * The history for administrators: the newest entries, one stream's chain, and a verification of every chain that
 * runs as a job and points at the first broken link.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AuditController {

	static final int RECENT = 200;

	private final AuditTrail audit;

	private final Jobs jobs;

	AuditController(AuditTrail audit, Jobs jobs) {
		this.audit = audit;
		this.jobs = jobs;
	}

	@GetMapping
	String recent(@RequestParam(defaultValue = "") String prefix, Model model) {
		var text = prefix.strip();
		model.addAttribute("view", new AuditLogView(audit.recent(text, RECENT), text, RECENT));
		return "audit/auditLog";
	}

	@GetMapping("/stream")
	String stream(@RequestParam String name, Model model) {
		var entries = audit.stream(name);
		if (entries.isEmpty()) {
			throw new NotFoundException("audit.stream.notFound", name);
		}
		model.addAttribute("view", new AuditStreamView(name, entries));
		return "audit/auditStream";
	}

	@PostMapping("/verify")
	String verify(Authentication authentication) {
		var id = jobs.start("audit-verify", authentication.getName(), "/admin/audit/verify/{id}", progress -> {
			progress.total(audit.count());
			return audit.verify(progress::reached);
		});
		return "redirect:/admin/audit/verify/" + id;
	}

	@GetMapping("/verify/{id}")
	String verification(@PathVariable UUID id, Authentication authentication, Model model) {
		var job = jobs.find(id)
			.filter(found -> found.kind().equals("audit-verify"))
			.orElseThrow(() -> new NotFoundException("job.notFound", id));
		if (!job.owner().equals(authentication.getName())) {
			throw new ForbiddenException("problem.forbidden");
		}
		var result = job.state() == Jobs.JobState.SUCCEEDED ? jobs.result(id, Verification.class).orElse(null) : null;
		model.addAttribute("view", new AuditVerificationView(job, result));
		return "audit/auditVerification";
	}

}
