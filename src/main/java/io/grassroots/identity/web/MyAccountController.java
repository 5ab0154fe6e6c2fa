package io.grassroots.identity.web;

import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.identity.AccountManagement;
import io.grassroots.identity.ApiTokens;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.IssuedToken;
import io.grassroots.shared.web.Redirects;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Every signed-in account's own page: who it is, where it may look, its password and its own API tokens.
 */
@Controller
@RequestMapping("/account")
class MyAccountController {

	private final AccountManagement accounts;

	private final ApiTokens tokens;

	private final CurrentUser currentUser;

	MyAccountController(AccountManagement accounts, ApiTokens tokens, CurrentUser currentUser) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.currentUser = currentUser;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("view", page(null));
		return "identity/myAccount";
	}

	@PostMapping("/password")
	String changePassword(@Valid PasswordForm form, HtmxRequest htmx, RedirectAttributes redirect) {
		accounts.changeOwnPassword(form.current() == null ? "" : form.current(), form.confirmed());
		return Redirects.withNotice(htmx, redirect, "/account", "identity.notice.passwordChanged");
	}

	@HxRequest
	@PostMapping("/tokens")
	String issueToken(@Valid TokenForm form, Model model) {
		var issued = tokens.issue(currentUser.actor().id(), form.name().strip(), form.validity());
		model.addAttribute("view", tokensOf(issued));
		return "identity/tokens";
	}

	@PostMapping("/tokens")
	String issueTokenPage(@Valid TokenForm form, Model model) {
		var issued = tokens.issue(currentUser.actor().id(), form.name().strip(), form.validity());
		model.addAttribute("view", page(issued));
		return "identity/myAccount";
	}

	@HxRequest
	@PostMapping("/tokens/{token}/revoke")
	String revokeToken(@PathVariable UUID token, Model model) {
		tokens.revoke(token);
		model.addAttribute("view", tokensOf(null));
		return "identity/tokens";
	}

	@PostMapping("/tokens/{token}/revoke")
	String revokeTokenPage(@PathVariable UUID token, RedirectAttributes redirect) {
		tokens.revoke(token);
		return Redirects.withNotice(null, redirect, "/account", "identity.notice.tokenRevoked");
	}

	private MyAccountView page(IssuedToken issued) {
		return new MyAccountView(accounts.get(currentUser.actor().id()), tokensOf(issued));
	}

	private TokensView tokensOf(IssuedToken issued) {
		return new TokensView("/account/tokens", tokens.of(currentUser.actor().id()), issued);
	}

}
