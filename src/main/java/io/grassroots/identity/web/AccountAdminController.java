package io.grassroots.identity.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.UUID;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.grassroots.audit.AuditTrail;
import io.grassroots.identity.AccountChange;
import io.grassroots.identity.AccountId;
import io.grassroots.identity.AccountManagement;
import io.grassroots.identity.ApiTokens;
import io.grassroots.identity.IssuedToken;
import io.grassroots.identity.NewAccount;
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
 * Administrators open accounts and change their roles, scope, status and password. The rules (only inside one's
 * own scope, stale versions refused, strong passwords) are {@link AccountManagement}'s.
 */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

	private static final int HISTORY = 50;

	private final AccountManagement accounts;

	private final ApiTokens tokens;

	private final AuditTrail audit;

	AccountAdminController(AccountManagement accounts, ApiTokens tokens, AuditTrail audit) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.audit = audit;
	}

	@GetMapping("/new")
	String newAccount(Model model) {
		model.addAttribute("view", AccountFormView.choices());
		return "identity/accountNew";
	}

	@PostMapping
	String open(@Valid NewAccount form, HtmxRequest htmx, RedirectAttributes redirect) {
		var opened = accounts.open(form);
		return Redirects.withNotice(htmx, redirect, path(opened.id()), "identity.notice.opened");
	}

	@GetMapping("/{id}")
	String show(@PathVariable AccountId id, Model model) {
		model.addAttribute("view", page(id, null));
		return "identity/accountPage";
	}

	@PostMapping("/{id}")
	String change(@PathVariable AccountId id, @Valid AccountChange form, HtmxRequest htmx,
			RedirectAttributes redirect) {
		accounts.change(id, form);
		return Redirects.withNotice(htmx, redirect, path(id), "identity.notice.changed");
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable AccountId id, HtmxRequest htmx, RedirectAttributes redirect) {
		accounts.disable(id);
		return Redirects.withNotice(htmx, redirect, path(id), "identity.notice.disabled");
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable AccountId id, HtmxRequest htmx, RedirectAttributes redirect) {
		accounts.enable(id);
		return Redirects.withNotice(htmx, redirect, path(id), "identity.notice.enabled");
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable AccountId id, @Valid PasswordForm form, HtmxRequest htmx,
			RedirectAttributes redirect) {
		accounts.resetPassword(id, form.confirmed());
		return Redirects.withNotice(htmx, redirect, path(id), "identity.notice.passwordReset");
	}

	@HxRequest
	@PostMapping("/{id}/tokens")
	String issueToken(@PathVariable AccountId id, @Valid TokenForm form, Model model) {
		var issued = tokens.issue(id, form.name().strip(), form.validity());
		model.addAttribute("view", tokensOf(id, issued));
		return "identity/tokens";
	}

	/** Without htmx the whole page comes back, showing the secret once. */
	@PostMapping("/{id}/tokens")
	String issueTokenPage(@PathVariable AccountId id, @Valid TokenForm form, Model model) {
		var issued = tokens.issue(id, form.name().strip(), form.validity());
		model.addAttribute("view", page(id, issued));
		return "identity/accountPage";
	}

	@HxRequest
	@PostMapping("/{id}/tokens/{token}/revoke")
	String revokeToken(@PathVariable AccountId id, @PathVariable UUID token, Model model) {
		tokens.revoke(token);
		model.addAttribute("view", tokensOf(id, null));
		return "identity/tokens";
	}

	@PostMapping("/{id}/tokens/{token}/revoke")
	String revokeTokenPage(@PathVariable AccountId id, @PathVariable UUID token, RedirectAttributes redirect) {
		tokens.revoke(token);
		return Redirects.withNotice(null, redirect, path(id), "identity.notice.tokenRevoked");
	}

	private AccountPageView page(AccountId id, IssuedToken issued) {
		var account = accounts.get(id);
		var history = new ArrayList<>(audit.stream("account/" + id));
		Collections.reverse(history);
		return new AccountPageView(account, AccountFormView.choices(), tokensOf(id, issued),
				history.subList(0, Math.min(HISTORY, history.size())));
	}

	private TokensView tokensOf(AccountId id, IssuedToken issued) {
		return new TokensView(path(id) + "/tokens", tokens.of(id), issued);
	}

	static String path(AccountId id) {
		return "/admin/accounts/" + id;
	}

}
