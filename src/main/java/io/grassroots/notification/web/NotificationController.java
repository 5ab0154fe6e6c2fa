package io.grassroots.notification.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.identity.CurrentUser;
import io.grassroots.notification.NotificationManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The account's notices (opening the list marks them seen) and the bell's count, loaded by htmx. */
@Controller
class NotificationController {

	private final NotificationManagement notifications;

	private final CurrentUser currentUser;

	NotificationController(NotificationManagement notifications, CurrentUser currentUser) {
		this.notifications = notifications;
		this.currentUser = currentUser;
	}

	@GetMapping("/notifications")
	String list(Model model) {
		var actor = currentUser.actor();
		model.addAttribute("view", new NoticesView(notifications.notices(actor, 100)));
		notifications.markSeen(actor);
		return "notification/notices";
	}

	@HxRequest
	@GetMapping("/notifications/badge")
	String badge(Model model) {
		model.addAttribute("view", new BadgeView(notifications.unseen(currentUser.actor())));
		return "notification/badge";
	}

}
