package io.grassroots.identity;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.grassroots.audit.AuditRecord;
import io.grassroots.audit.AuditTrail;
import io.grassroots.shared.ConflictException;
import io.grassroots.shared.ForbiddenException;
import io.grassroots.shared.InvalidInputException;
import io.grassroots.shared.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, changing and closing accounts. Administrators manage accounts inside their own scope and may only give
 * scopes inside it; everybody may list the accounts their scope covers. Every change is written to the audit trail.
 */
@Service
@Transactional
public class AccountManagement {

	public static final int LIST_LIMIT = 500;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final Scopes scopes;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccountManagement(AccountRepository accounts, PasswordEncoder passwords, Scopes scopes, CurrentUser currentUser,
			AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.scopes = scopes;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	/** The accounts the caller's scope covers (at most {@value #LIST_LIMIT}). */
	@Transactional(readOnly = true)
	public List<AccountView> visible() {
		return visible("");
	}

	/**
	 * The accounts the caller's scope covers whose username or name contains the text (at most
	 * {@value #LIST_LIMIT}).
	 */
	@Transactional(readOnly = true)
	public List<AccountView> visible(String text) {
		var scope = currentUser.actor().scope();
		var pattern = "%" + (text == null ? "" : text.strip().replace("%", "").replace("_", "")) + "%";
		var found = switch (scope.kind()) {
			case REGION -> accounts.findInRegion(scope.region().subtreeFrom(), scope.region().subtreeTo(), pattern,
					LIST_LIMIT);
			case DEPARTMENT -> accounts.findInDepartment(scope.department(), pattern, LIST_LIMIT);
			case GRID -> accounts.findInGrid(scope.grid(), pattern, LIST_LIMIT);
		};
		return found.stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public AccountView get(AccountId id) {
		return view(visibleAccount(id));
	}

	public AccountView open(NewAccount command) {
		var actor = requireAdministrator();
		if (accounts.existsByUsername(command.username())) {
			throw new ConflictException("identity.username.taken", command.username());
		}
		PasswordPolicy.check(command.username(), command.password());
		var scope = scopes.resolve(command.scopeKind(), command.scopeReference());
		requireCovered(actor, scope);
		var account = accounts.save(Account.open(command.username(), command.displayName(),
				passwords.encode(command.password()), EnumSet.copyOf(command.roles()), scope, clock.instant()));
		record(actor, account, "account.opened", describe(account));
		return view(account);
	}

	public AccountView change(AccountId id, AccountChange command) {
		var actor = requireAdministrator();
		var account = visibleAccount(id);
		if (!account.version().equals(command.version())) {
			throw new ConflictException("problem.staleVersion");
		}
		var scope = scopes.resolve(command.scopeKind(), command.scopeReference());
		requireCovered(actor, scope);
		if (account.id().equals(actor.id()) && !command.roles().contains(Role.ADMINISTRATOR)) {
			throw new InvalidInputException("identity.selfDemotion",
					List.of(new InvalidInputException.Violation("roles", "identity.selfDemotion")));
		}
		account.describe(command.displayName());
		account.grant(EnumSet.copyOf(command.roles()));
		account.rescope(scope);
		account = accounts.save(account);
		record(actor, account, "account.changed", describe(account));
		events.publishEvent(new AccountChanged(account.id()));
		return view(account);
	}

	public AccountView disable(AccountId id) {
		var actor = requireAdministrator();
		var account = visibleAccount(id);
		if (account.id().equals(actor.id())) {
			throw InvalidInputException.of("id", "identity.selfDisable");
		}
		account.disable();
		account = accounts.save(account);
		record(actor, account, "account.disabled", Map.of());
		events.publishEvent(new AccountChanged(account.id()));
		return view(account);
	}

	public AccountView enable(AccountId id) {
		var actor = requireAdministrator();
		var account = visibleAccount(id);
		account.enable();
		account = accounts.save(account);
		record(actor, account, "account.enabled", Map.of());
		events.publishEvent(new AccountChanged(account.id()));
		return view(account);
	}

	public void resetPassword(AccountId id, String newPassword) {
		var actor = requireAdministrator();
		var account = visibleAccount(id);
		PasswordPolicy.check(account.username(), newPassword);
		account.changePassword(passwords.encode(newPassword));
		accounts.save(account);
		record(actor, account, "account.passwordReset", Map.of());
	}

	/** The signed-in account changes its own password, proving it knows the current one. */
	public void changeOwnPassword(String currentPassword, String newPassword) {
		var actor = currentUser.actor();
		var account = accounts.findById(actor.id()).orElseThrow();
		if (!passwords.matches(currentPassword, account.passwordHash())) {
			throw InvalidInputException.of("currentPassword", "identity.password.wrong");
		}
		PasswordPolicy.check(account.username(), newPassword);
		account.changePassword(passwords.encode(newPassword));
		accounts.save(account);
		record(actor, account, "account.passwordChanged", Map.of());
	}

	private Account visibleAccount(AccountId id) {
		var account = accounts.findById(id).orElseThrow(() -> new NotFoundException("identity.account.notFound", id));
		if (!currentUser.actor().scope().covers(account.scope())) {
			throw new ForbiddenException("problem.outsideScope");
		}
		return account;
	}

	private Actor requireAdministrator() {
		var actor = currentUser.actor();
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw new ForbiddenException("problem.forbidden");
		}
		return actor;
	}

	private static void requireCovered(Actor actor, DataScope scope) {
		if (!actor.scope().covers(scope)) {
			throw new ForbiddenException("identity.scope.beyondOwn");
		}
	}

	private void record(Actor actor, Account account, String action, Map<String, ?> details) {
		audit.record(new AuditRecord("account/" + account.id(), action, actor.id().toString(), actor.displayName(),
				details));
	}

	private static Map<String, Object> describe(Account account) {
		var details = new LinkedHashMap<String, Object>();
		details.put("username", account.username());
		details.put("displayName", account.displayName());
		details.put("roles", account.roles().stream().map(Enum::name).sorted().toList());
		details.put("scope", account.scope().kind() + ":" + account.scope().region()
				+ (account.scope().department() != null ? ":" + account.scope().department() : "")
				+ (account.scope().grid() != null ? ":" + account.scope().grid() : ""));
		return details;
	}

	AccountView view(Account account) {
		return new AccountView(account.id(), account.username(), account.displayName(), account.roles(),
				account.scope(), scopes.label(account.scope()), account.enabled(), account.version());
	}

}
