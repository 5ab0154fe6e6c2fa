package io.grassroots.identity;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;

import io.grassroots.shared.RegionCode;
import io.grassroots.shared.web.RehearsalPass;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in the pages' rehearsal's own requests to the node (decision 0039): a {@code GET} from loopback that presents
 * the open {@link RehearsalPass} becomes, for that request only, a made-up actor who is no account — a dispatcher of
 * the whole country, or a handler of a department that does not exist (the actors of the rehearsal's reads). Nothing
 * is kept: no session is saved, the context is cleared after the request. Any other request passes on untouched.
 */
final class RehearsalSignIn extends OncePerRequestFilter {

	/** A dispatcher of the whole country who is no account. */
	static final Actor DISPATCHER = new Actor(new AccountId(new UUID(0x2026L, 1)), "rehearsal", "rehearsal",
			Set.of(Role.DISPATCHER), DataScope.everything());

	/** A handler of a department that does not exist. */
	static final Actor DEPARTMENT = new Actor(new AccountId(new UUID(0x2026L, 2)), "rehearsal", "rehearsal",
			Set.of(Role.DEPARTMENT_HANDLER), DataScope.department(new UUID(0x2026L, 3), RegionCode.ROOT));

	private final RehearsalPass pass;

	RehearsalSignIn(RehearsalPass pass) {
		this.pass = pass;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !pass.open();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var actor = "GET".equals(request.getMethod()) && loopback(request.getRemoteAddr())
				? pass.admits(request.getHeader("Authorization")).map(RehearsalSignIn::actor).orElse(null) : null;
		if (actor == null) {
			chain.doFilter(request, response);
			return;
		}
		var principal = new AccountPrincipal(actor, "rehearsal", null, true);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	static Actor actor(String role) {
		return switch (role) {
			case "DISPATCHER" -> DISPATCHER;
			case "DEPARTMENT_HANDLER" -> DEPARTMENT;
			default -> null;
		};
	}

	private static boolean loopback(String address) {
		return address != null
				&& (address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1"));
	}

}
