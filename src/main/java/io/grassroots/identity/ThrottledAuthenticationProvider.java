package io.grassroots.identity;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in that refuses an account and address after too many failures.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder passwords, LoginThrottle throttle) {
		super(accounts);
		setPasswordEncoder(passwords);
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		var username = authentication.getName();
		var address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : "unknown";
		if (!throttle.allows(username, address)) {
			throw new LoginThrottledException();
		}
		try {
			var result = super.authenticate(authentication);
			throttle.succeeded(username, address);
			return result;
		}
		catch (BadCredentialsException e) {
			throttle.failed(username, address);
			throw e;
		}
	}

}
