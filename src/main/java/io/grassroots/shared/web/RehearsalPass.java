package io.grassroots.shared.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The pass the pages' rehearsal signs its own requests to the node in with (decision 0039): a secret made at start,
 * held in memory only, never logged, presented as {@code Authorization: Rehearsal <secret>.<role>} over loopback and
 * valid until the rehearsal ends ({@link #close}). The identity module admits such a request, a {@code GET} only, as a
 * made-up actor of that role who is no account; every other request, and every request once the pass is closed, is
 * signed in (or not) as before.
 */
@Component
public final class RehearsalPass {

	/** The scheme of the {@code Authorization} header: not {@code Bearer}, so the API token filter passes it on. */
	public static final String SCHEME = "Rehearsal ";

	private final String secret;

	private volatile boolean open = true;

	RehearsalPass() {
		this(made());
	}

	RehearsalPass(String secret) {
		this.secret = secret;
	}

	private static String made() {
		var bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether the pass still admits anything: a closed pass costs a request one volatile read. */
	public boolean open() {
		return open;
	}

	/**
	 * The role an {@code Authorization} header's value asks for, if it carries this pass and the pass is open; empty
	 * otherwise (any other header, no header, a wrong secret, a closed pass).
	 */
	public Optional<String> admits(String authorization) {
		if (!open || authorization == null || !authorization.startsWith(SCHEME)) {
			return Optional.empty();
		}
		var presented = authorization.substring(SCHEME.length());
		var dot = presented.lastIndexOf('.');
		if (dot < 0 || !MessageDigest.isEqual(presented.substring(0, dot).getBytes(StandardCharsets.US_ASCII),
				secret.getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		return Optional.of(presented.substring(dot + 1));
	}

	/** The header's value for a request as {@code role} (a role's name); for the rehearsal only. */
	String header(String role) {
		return SCHEME + secret + "." + role;
	}

	/** The rehearsal is over: the pass admits nothing from now on. */
	void close() {
		open = false;
	}

}
