package io.grassroots.identity.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import io.grassroots.identity.AccountChange;
import io.grassroots.identity.AccountId;
import io.grassroots.identity.AccountManagement;
import io.grassroots.identity.AccountView;
import io.grassroots.identity.ApiTokens;
import io.grassroots.identity.CurrentUser;
import io.grassroots.identity.IssuedToken;
import io.grassroots.identity.NewAccount;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts over the REST API, filtered by the caller's data scope.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountApi {

	private final AccountManagement accounts;

	private final ApiTokens tokens;

	private final CurrentUser currentUser;

	AccountApi(AccountManagement accounts, ApiTokens tokens, CurrentUser currentUser) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.currentUser = currentUser;
	}

	/** The accounts the caller's scope covers, optionally only those whose username or name contains {@code q}. */
	@GetMapping
	List<AccountView> list(@RequestParam(defaultValue = "") String q) {
		return accounts.visible(q);
	}

	@GetMapping("/me")
	AccountView me() {
		return accounts.get(currentUser.actor().id());
	}

	@GetMapping("/{id}")
	AccountView get(@PathVariable AccountId id) {
		return accounts.get(id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	AccountView open(@Valid @RequestBody NewAccount command) {
		return accounts.open(command);
	}

	@PutMapping("/{id}")
	AccountView change(@PathVariable AccountId id, @Valid @RequestBody AccountChange command) {
		return accounts.change(id, command);
	}

	@PostMapping("/{id}/disable")
	AccountView disable(@PathVariable AccountId id) {
		return accounts.disable(id);
	}

	@PostMapping("/{id}/enable")
	AccountView enable(@PathVariable AccountId id) {
		return accounts.enable(id);
	}

	@GetMapping("/{id}/tokens")
	List<ApiTokens.TokenView> tokens(@PathVariable AccountId id) {
		return tokens.of(id);
	}

	@PostMapping("/{id}/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken issue(@PathVariable AccountId id, @Valid @RequestBody TokenRequest request) {
		return tokens.issue(id, request.name(), request.validDays() == null ? null : Duration.ofDays(request.validDays()));
	}

	@DeleteMapping("/{id}/tokens/{token}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable AccountId id, @PathVariable UUID token) {
		tokens.revoke(token);
	}

	record TokenRequest(@NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) Integer validDays) {
	}

}
