package io.grassroots.identity.web;

import io.grassroots.identity.AccountManagement;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The accounts a viewer's scope covers: administrators manage them under {@code /admin/accounts}; every other
 * signed-in account reads the same list, without links or buttons, under {@code /accounts}.
 */
@Controller
class AccountListController {

	private final AccountManagement accounts;

	AccountListController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin/accounts")
	String manage(@RequestParam(defaultValue = "") String q, Model model) {
		return list(q, true, model);
	}

	@GetMapping("/accounts")
	String read(@RequestParam(defaultValue = "") String q, Model model) {
		return list(q, false, model);
	}

	private String list(String query, boolean manage, Model model) {
		var text = query.strip();
		model.addAttribute("view",
				new AccountListView(accounts.visible(text), text, manage, AccountManagement.LIST_LIMIT));
		return "identity/accountList";
	}

}
