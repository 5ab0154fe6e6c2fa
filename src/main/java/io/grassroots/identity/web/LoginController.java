package io.grassroots.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String throttled,
			@RequestParam(required = false) String logout, Model model) {
		model.addAttribute("view", new LoginView(error != null, throttled != null, logout != null));
		return "identity/login";
	}

}
