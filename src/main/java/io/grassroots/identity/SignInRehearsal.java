package io.grassroots.identity;

import java.util.List;

import io.grassroots.shared.RegionCode;
import io.grassroots.shared.web.PageRehearsal;

import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * A sign-in's own code below the web layer, rehearsed before the node is ready with the work pages' reads (decision
 * 0026, amended by pages12 2026-12-07 late): the failed-sign-in throttle's buckets (a Caffeine cache of its own) and
 * the account's read through its repository (Spring Data JDBC's derived query, typed parameters, the account's
 * columns and its roles). Without it the first sign-ins after a start deoptimized what the rehearsal had compiled for
 * the pages' caches and statements — {@code SqlParameterSourceUtils.getTypedValue}, {@code
 * StatementCreatorUtils.setValue}, {@code PgResultSet.internalGetObject}, Caffeine's {@code computeIfAbsent}, {@code
 * afterRead}, {@code hasExpired} — and the pages recompiled them beside their first requests (bench/RESULTS.md §
 * pages, pages12). The password is not checked (its hash is the sign-in's dearest part and is a cost every sign-in
 * pays anyway); nothing is written: the throttle's buckets are kept in memory for a made-up address and forgotten as
 * after a successful sign-in, and the account read is thrown away.
 */
@Component
class SignInRehearsal implements PageRehearsal {

	/** The address the rehearsal's sign-ins come from: not an address, so no real client's bucket is touched. */
	static final String ADDRESS = "rehearsal";

	/** A name no account can have ({@link NewAccount}'s pattern allows no parentheses): the read finds no row. */
	static final String NO_ACCOUNT = "(rehearsal)";

	private final AccountRepository accounts;

	private final AccountDetailsService details;

	private final LoginThrottle throttle;

	SignInRehearsal(AccountRepository accounts, AccountDetailsService details, LoginThrottle throttle) {
		this.accounts = accounts;
		this.details = details;
		this.throttle = throttle;
	}

	@Override
	public void rehearse(Stage stage) {
		// a sign-in renders no page of its own beyond the sign-in page, which the node asks itself for every round
	}

	/** One round of {@link #signIns()}. */
	@Override
	public void rehearseReads(Stage stage) {
		signIns();
	}

	/**
	 * Two sign-ins' reads as {@link ThrottledAuthenticationProvider} runs them, without the password's check: the
	 * throttle's question and its forgetting after success, and the account by its name — for the first account of
	 * the country's list (a real row: its columns and its roles) and for a name no account has. Answers how many of
	 * the two found their account.
	 */
	int signIns() {
		var first = accounts.findInRegion(RegionCode.ROOT.subtreeFrom(), RegionCode.ROOT.subtreeTo(), "%", 1);
		var found = 0;
		for (var username : first.isEmpty() ? List.of(NO_ACCOUNT) : List.of(first.get(0).username(), NO_ACCOUNT)) {
			if (throttle.allows(username, ADDRESS)) {
				try {
					details.loadUserByUsername(username);
					found++;
				}
				catch (UsernameNotFoundException expected) {
					// the made-up name: the statement ran and found no row
				}
				throttle.succeeded(username, ADDRESS);
			}
		}
		return found;
	}

}
