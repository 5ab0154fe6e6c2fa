package io.grassroots.identity;

import java.util.concurrent.atomic.AtomicReference;

import io.grassroots.shared.web.RehearsalPass;
import io.grassroots.shared.web.RehearsalPasses;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rehearsal's own requests are signed in as a made-up actor who is no account, for the request only; nothing else
 * is (decision 0039).
 */
class RehearsalSignInTests {

	private final RehearsalPass pass = RehearsalPasses.open("s3cret");

	private final RehearsalSignIn filter = new RehearsalSignIn(pass);

	@Test
	void aGetFromLoopbackWithTheOpenPassIsTheMadeUpActorOfItsRoleForThatRequestOnly() throws Exception {
		var seen = signedIn("GET", "127.0.0.1", RehearsalPasses.header(pass, "DISPATCHER"));
		assertThat(((AccountPrincipal) seen.getPrincipal()).actor()).isEqualTo(RehearsalSignIn.DISPATCHER);
		assertThat(((AccountPrincipal) signedIn("GET", "0:0:0:0:0:0:0:1",
				RehearsalPasses.header(pass, "DEPARTMENT_HANDLER")).getPrincipal()).actor())
			.isEqualTo(RehearsalSignIn.DEPARTMENT);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	@Test
	void noOtherRequestIsSignedIn() throws Exception {
		var header = RehearsalPasses.header(pass, "DISPATCHER");
		assertThat(signedIn("POST", "127.0.0.1", header)).isNull();
		assertThat(signedIn("GET", "10.0.0.7", header)).isNull();
		assertThat(signedIn("GET", "127.0.0.1", "Rehearsal wrong.DISPATCHER")).isNull();
		assertThat(signedIn("GET", "127.0.0.1", RehearsalPasses.header(pass, "ADMINISTRATOR"))).isNull();
		assertThat(signedIn("GET", "127.0.0.1", null)).isNull();
		RehearsalPasses.close(pass);
		assertThat(signedIn("GET", "127.0.0.1", header)).isNull();
	}

	/** What the rest of the chain sees as the request's authentication. */
	private Authentication signedIn(String method, String address, String authorization) throws Exception {
		var request = new MockHttpServletRequest(method, "/cases/workbench");
		request.setRemoteAddr(address);
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		var seen = new AtomicReference<Authentication>();
		filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest r, jakarta.servlet.ServletResponse s) {
				seen.set(SecurityContextHolder.getContext().getAuthentication());
			}
		});
		return seen.get();
	}

}
